import type { EntityType } from '../types';
import type { Token } from '../text/tokens';
import type { Gazetteer } from '../lexicon/gazetteer';
import type { NameCandidate } from './name.finder';
import { fold } from './name.index';
import { contextType, isSourceSlot, lower } from './entity.classifier';
import { isSportText } from './team.context';
import { CUE_VERBS, FACILITY_HEADS, LOC_HEADS, ORG_HEADS } from '../lexicon/words';
import { FIRST_NAMES } from '../lexicon/first-names.data';
import { givenNameGender } from '../lexicon/given-name.gender';

// What type each of the model's names is: what the words around it say, the model's majority over
// the form's mentions, the words of the name itself, and the names it is listed with.

/** Decides every candidate's type in place (see the steps below, in this order). */
export function decideTypes(text: string, tokens: readonly Token[], cands: NameCandidate[], gaz: Gazetteer): void {
  const context = contextTypes(tokens, cands, gaz);
  voteTypes(text, cands, context);
  // (a club or company the words around a name made plain stays one, whatever place word ends it:
  // "Coventry City"; an appositive's person does not outweigh "Court" ending a name)
  for (const c of cands) if (context.get(fold(c.words.join(' '))) !== 'ORGANIZATION') c.modelType = retype(c, gaz, text);
  typeByList(text, cands, context);
  lonePeopleAsSources(tokens, cands);
  employersAfterOf(text, cands);
}

/**
 * "Mateo Arrieta of Lidl-Trek", "Álvaro Sáenz of UAE Team Emirates": a name right after a person
 * named in full and "of" is where that person works or comes from, never a person — everywhere in
 * the text (a peer's seat, "Lord Tinsley of Wrexborough", is a place the peer's name keeps).
 */
function employersAfterOf(text: string, cands: NameCandidate[]): void {
  const employers = new Set<string>();
  for (let i = 1; i < cands.length; i++) {
    const c = cands[i]!;
    const p = cands[i - 1]!;
    if (c.modelType !== 'PERSON' || p.modelType !== 'PERSON' || p.words.length < 2 || p.title) continue;
    if (text.slice(p.end, c.start) === ' of ' && !c.words.some((w) => FIRST_NAMES.has(w.toLowerCase()))) {
      employers.add(fold(c.words.join(' ')));
    }
  }
  if (employers.size === 0) return;
  for (const c of cands) if (c.modelType === 'PERSON' && employers.has(fold(c.words.join(' ')))) c.modelType = 'ORGANIZATION';
}

/**
 * "told Pressline", "Velko 3-in-1 Charging Pad", "Velko’s X200": a one-word name the model read
 * as a person is an organisation (a publication, a maker) when nothing in the text makes it a
 * person — no one is named in full with that word, it is no given name, no title goes with it —
 * and one of its mentions stands where a source is named, or right before a product's model
 * name (a word with a digit or an inner capital: "3-in-1", "X200", "PowerCore"), which a
 * person's name never is (nor a place's the gazetteer does not know).
 */
function lonePeopleAsSources(tokens: readonly Token[], cands: NameCandidate[]): void {
  const inFull = new Set<string>();
  for (const c of cands) if (c.modelType === 'PERSON' && c.words.length > 1) for (const w of c.words) inFull.add(fold(w));
  const forms = new Map<string, NameCandidate[]>();
  for (const c of cands) {
    if (c.words.length !== 1) continue;
    const k = fold(c.words[0]!);
    forms.set(k, [...(forms.get(k) ?? []), c]);
  }
  for (const [k, cs] of forms) {
    const person = cs.every((c) => c.modelType === 'PERSON');
    // (a place no gazetteer knows before a model name is a maker too: "Velko 3-in-1" read as a place)
    const place = cs.every((c) => c.modelType === 'LOCATION');
    if (!(person || place) || inFull.has(k)) continue;
    if (cs.some((c) => c.title || c.known)) continue;
    // "Chelsea have agreed", "Wyze are…": a plural verb after a one-word name makes it a team or a
    // company spoken of as its people (British usage); no one person takes one, given name or not
    if (person && cs.some((c) => takesPluralVerb(tokens, c))) {
      for (const c of cs) c.modelType = 'ORGANIZATION';
      continue;
    }
    if (FIRST_NAMES.has(k)) continue;
    // ("Schiff asked", "Opelka said": the subject of a speech verb is taken to be someone)
    if (cs.some((c) => CUE_VERBS.has(tokens[c.last]?.text.toLowerCase() ?? ''))) continue;
    const productNext = (c: NameCandidate): boolean => {
      const next = tokens[c.last];
      if (!next || next.sent !== tokens[c.first]!.sent || next.start - tokens[c.last - 1]!.end > 1) return false;
      // (a year is no model name: "Trump 2020")
      return (/\d/.test(next.text) && !/^(?:1[89]|20)\d\d$/.test(next.text)) || /^\p{L}\p{Ll}+\p{Lu}/u.test(next.text);
    };
    // "Ledgerly, which let small shops …": a person is "who", never "which"
    const which = (c: NameCandidate): boolean => tokens[c.last]?.text === ',' && lower(tokens[c.last + 1]) === 'which';
    // "Hearthly customers", "a Hearthly thermostat owner", "bought Hearthly for $180 million": a
    // brand's buyers and users, a company bought
    const brand = (c: NameCandidate): boolean =>
      !c.possessive && (BRAND_NOUNS.has(lower(tokens[c.last])) || ACQUIRING.has(lower(tokens[c.first - 1])));
    if (cs.some((c) => (person && (isSourceSlot(tokens, c) || which(c) || brand(c))) || productNext(c))) {
      for (const c of cs) c.modelType = 'ORGANIZATION';
    }
  }
}

// what a company has and a person does not, right after its name
const BRAND_NOUNS = new Set([
  'customers',
  'users',
  'owners',
  'subscribers',
  'shareholders',
  'stock',
  'shares',
  'devices',
  'products',
  'stores',
  'app',
  'thermostat',
  'thermostats',
  'brand',
  'spokesperson',
  'spokeswoman',
  'spokesman',
  'executives',
]);
const ACQUIRING = new Set(['bought', 'acquired', 'acquire', 'acquiring', 'buying', 'purchased']);

// Verb forms that only a plural subject takes right after it ("Chelsea have", not "Chelsea has")
const PLURAL_VERBS = new Set([
  'have',
  'are',
  'were',
  'do',
  "haven't",
  "aren't",
  "weren't",
  "don't",
  'haven’t',
  'aren’t',
  'weren’t',
  'don’t',
]);
// words after which the name is no subject of its own: a question ("does Chelsea have"), a
// coordination ("Smith and Jones are"), a modal or "to" ("will Chelsea have")
const NOT_LONE_SUBJECT = new Set([
  'and',
  'or',
  '&',
  'nor',
  'does',
  'did',
  'do',
  'will',
  'would',
  'could',
  'should',
  'can',
  'may',
  'might',
  'must',
  'to',
  'let',
  'make',
  'makes',
  'made',
  'help',
  'helps',
  'see',
  'saw',
  'watch',
  'hear',
]);

function takesPluralVerb(tokens: readonly Token[], c: NameCandidate): boolean {
  const next = tokens[c.last];
  const prev = tokens[c.first - 1];
  if (c.possessive || !next || next.sent !== tokens[c.first]!.sent || !PLURAL_VERBS.has(next.text.toLowerCase())) return false;
  // (nor is a word closing a longer run: "iPhone 11 Pro Max are")
  return !prev || prev.sent !== next.sent || (!NOT_LONE_SUBJECT.has(prev.text.toLowerCase()) && !/^[\p{Lu}\d]/u.test(prev.text));
}

/**
 * The type the words around a form's mentions say plainly (contextType), by form: the type they
 * say most often ("beat Marenza", "Marenza had led", then "the board met in Marenza": the
 * club); a form they give two types equally often, or that is also the start of a longer name in
 * the text, keeps the model's.
 */
function contextTypes(tokens: readonly Token[], cands: readonly NameCandidate[], gaz: Gazetteer): Map<string, EntityType | null> {
  const counts = new Map<string, Map<EntityType, number>>();
  const sport = isSportText(tokens);
  for (const c of cands) {
    const t = contextType(tokens, c, gaz, sport);
    if (!t) continue;
    const key = fold(c.words.join(' '));
    const n = counts.get(key) ?? new Map<EntityType, number>();
    n.set(t, (n.get(t) ?? 0) + 1);
    counts.set(key, n);
  }
  // A form the text also names in full ("Oklahoma City" beside "Oklahoma City Thunder") is the
  // short form of either: there every mention must agree.
  const forms = new Set(cands.map((c) => fold(c.words.join(' '))));
  const shortForm = (key: string) => [...forms].some((f) => f.startsWith(`${key} `));
  const said = new Map<string, EntityType | null>();
  for (const [key, n] of counts) {
    const [first, second] = [...n].sort((a, b) => b[1] - a[1]);
    said.set(key, !second || (first![1] > second[1] && !shortForm(key)) ? first![0] : null);
  }
  return said;
}

/**
 * One surface form, one type: what the words around its mentions say plainly, else the model's
 * majority over the form's mentions (first seen breaks ties).
 */
function voteTypes(text: string, cands: NameCandidate[], context: ReadonlyMap<string, EntityType | null>): void {
  const votes = new Map<string, Map<EntityType, number>>();
  for (const c of cands) {
    if (!c.modelType) continue;
    const key = fold(c.words.join(' '));
    const v = votes.get(key) ?? new Map<EntityType, number>();
    v.set(c.modelType, (v.get(c.modelType) ?? 0) + 1);
    votes.set(key, v);
  }
  for (const c of cands) {
    const key = fold(c.words.join(' '));
    const said = context.get(key);
    if (said) {
      c.modelType = said;
      continue;
    }
    const v = votes.get(key);
    if (!v) continue;
    // "in Austin": the model's own reading of this mention stands
    if (c.modelType === 'LOCATION' && /\b(?:in|to|from|near|at)\s+$/.test(text.slice(Math.max(0, c.start - 6), c.start))) continue;
    let best: EntityType | undefined;
    for (const [t, n] of v) if (best === undefined || n > v.get(best)!) best = t;
    c.modelType = best;
  }
}

/** Last words of streets' names (read as people when named after one). */
const STREET_KINDS = new Set(['street', 'avenue', 'road', 'boulevard', 'lane', 'parkway', 'highway', 'ave', 'blvd']);

/**
 * What the words of a name say against the model's type, where the model is known to slip:
 * "Dick Clark Productions" or "Harvard University" read as a person or place ("Productions",
 * "University" make it an organisation), "Sacramento Bee" read as a place (a known place and one
 * more word that is no place word: a newspaper, a team), "Bridgestone Arena" read as an
 * organisation (a venue is a place).
 */
function retype(c: NameCandidate, gaz: Gazetteer, text: string): EntityType | undefined {
  const type = c.modelType;
  const before = text.slice(Math.max(0, c.start - 40), c.start);
  // "I can't live in Kildare": one word the model calls a person, where a place is (not "in Smith's view")
  if (
    type === 'PERSON' &&
    !c.known &&
    c.words.length === 1 &&
    /\b(?:in|near|outside)\s+$/.test(before) &&
    !/^['’]s\b/.test(text.slice(c.end))
  ) {
    return 'LOCATION';
  }
  if (!type || c.known || c.words.length < 2) return type;
  // "Typhoon Dalisay", "Hurricane Milton": a storm's name is no person (an event, kept with places)
  if (STORM_KINDS.has(c.words[0]!.toLowerCase())) return 'LOCATION';
  // "moved to St. Paul", "near Fort Worth", "in Madison and St. Paul": a place prefix after a place preposition
  if (
    PLACE_PREFIXES.has(c.words[0]!.toLowerCase()) &&
    /\b(?:in|to|from|near|at|of)\s+(?:\p{Lu}[\p{L}.]*\s+){0,3}(?:(?:and|or)\s+)?$/u.test(before)
  ) {
    return 'LOCATION';
  }
  const last = c.words[c.words.length - 1]!.toLowerCase().replace(/\.$/, '');
  if (FACILITY_HEADS.has(last)) return 'LOCATION';
  // "Groupe Vallière", "Grupo Bimbo", "Banco Santander": a company's kind in front, in its language
  if (ORG_PREFIXES.has(c.words[0]!.toLowerCase())) return 'ORGANIZATION';
  // "Joseph Campau Avenue", "Martin Luther King Jr. Boulevard": a street named after a person
  if (type === 'PERSON' && STREET_KINDS.has(last)) return 'LOCATION';
  // "Corso Monforte", "Via Roma", "Rue Cler": a street named by its kind in front, in any language
  if (STREET_PREFIXES.has(c.words[0]!.toLowerCase())) return 'LOCATION';
  // "at the Moscone Center", "PPL Center, Allentown, PA": a center where something takes place
  // is a venue (a "Research Center" or a "Medical Center" stays an institution)
  if (
    (last === 'center' || last === 'centre') &&
    !c.words.slice(0, -1).some((w) => ORG_HEADS.has(w.toLowerCase()) || INSTITUTE_WORDS.has(w.toLowerCase()))
  ) {
    const at = /\b(?:at|in|inside|outside)\s+(?:the\s+)?$/.test(text.slice(Math.max(0, c.start - 12), c.start));
    const listed = /^,\s+\p{Lu}[\p{L}.' -]*,\s+(?:\p{Lu}{2}\b|\p{Lu}\p{Ll}+\.)/u.test(text.slice(c.end, c.end + 60));
    if (at || listed) return 'LOCATION';
  }
  if (type !== 'ORGANIZATION' && ORG_HEADS.has(last)) return 'ORGANIZATION';
  if (type === 'LOCATION' && !LOC_HEADS.has(last) && !MORE_PLACE_HEADS.has(last)) {
    // a known place and more words that are no place's: a newspaper, a team ("Oklahoma City Thunder")
    const place = gaz.match(c.words, 0);
    const rest = place ? c.words.slice(place.length) : [];
    const placeWords = rest.filter((w) => LOC_HEADS.has(w.toLowerCase()) || MORE_PLACE_HEADS.has(w.toLowerCase())).length;
    if (place && place.entry.type === 'LOCATION' && rest.length >= 1 && rest.length - placeWords === 1) {
      // ("the NDP's Sofia Almeida", "Labour's Florence Okafor": after a body's possessive, a place's
      // name that is also a given name, then a surname the text never writes in lower case, is one
      // of its people — "the Sacramento Bee" is not)
      const surname = rest[0]!.toLowerCase().replace(/[^\p{L}'’-]/gu, '');
      const member = /\p{Lu}[\p{L}.&-]*['’]s\s+$/u.test(before);
      const writtenSmall = new RegExp(`(?<![\\p{L}])${surname}(?![\\p{L}])`, 'u').test(text);
      if (member && place.length === 1 && rest.length === 1 && surname && givenNameGender(c.words[0]!) !== null && !writtenSmall) {
        return 'PERSON';
      }
      return 'ORGANIZATION';
    }
  }
  // "Virginia Beach", "Cuyahoga Falls" read as organisations: a place word ends them, no
  // organisation word is in them
  if (
    type === 'ORGANIZATION' &&
    (LOC_HEADS.has(last) || MORE_PLACE_HEADS.has(last)) &&
    last !== 'capital' &&
    !c.words.some((w) => ORG_HEADS.has(w.toLowerCase()))
  ) {
    return 'LOCATION';
  }
  return type;
}

/**
 * "the Sacramento Bee, Miami Herald and Kansas City Star", "Chime, Varo, SoFi and GoBank": names
 * listed together are of one kind. In a list of three or more where most are organisations (or
 * places), a one-word name the model took for a person, or a place no gazetteer knows, is of the
 * list's kind — everywhere in the text, unless the words around it said otherwise.
 */
function typeByList(text: string, cands: NameCandidate[], context: ReadonlyMap<string, EntityType | null>): void {
  const runs: NameCandidate[][] = [];
  let run: NameCandidate[] = [];
  for (const c of cands) {
    const prev = run[run.length - 1];
    if (prev && LIST_GLUE.test(text.slice(prev.end, c.start)) && !prev.possessive) {
      run.push(c);
    } else {
      if (run.length >= 2) runs.push(run);
      run = [c];
    }
  }
  if (run.length >= 2) runs.push(run);
  const retyped = new Map<string, EntityType>();
  for (const r of runs) {
    // "Simon Pegg, and Karl Urban", "Freddie Spencer and Evel Knievel": a given name and a surname
    // listed with people is a person, whatever the model read
    // (a list of surnames, "Braun, Borchetta and Big Machine", says less: two people named in full)
    const people = r.filter((c) => c.modelType === 'PERSON').length;
    const inFull = r.filter((c) => c.modelType === 'PERSON' && c.words.length >= 2).length;
    if (people >= 1 && people * 2 >= r.length) {
      for (const c of r) {
        const shaped =
          c.words.length >= 2 &&
          c.words.length <= 3 &&
          !c.known &&
          c.words.every((w) => /^\p{Lu}\p{Ll}/u.test(w)) &&
          !c.words.some((w) => ORG_HEADS.has(w.toLowerCase()) || LOC_HEADS.has(w.toLowerCase()));
        const personal = shaped && (inFull >= 2 || FIRST_NAMES.has(c.words[0]!.toLowerCase()));
        if (c.modelType === 'ORGANIZATION' && personal && !context.get(fold(c.words.join(' ')))) {
          retyped.set(fold(c.words.join(' ')), 'PERSON');
        }
      }
    }
    // "farmers around Deniliquin, Finley and Berrigan": names listed after a place preposition,
    // the first of them a place, are places (a one-word "person" there is a town)
    if (
      r[0]!.modelType === 'LOCATION' &&
      /\b(?:in|around|near|across|throughout|between|outside)\s+$/.test(text.slice(Math.max(0, r[0]!.start - 12), r[0]!.start))
    ) {
      for (const c of r.slice(1)) {
        const key = fold(c.words.join(' '));
        if (c.modelType === 'PERSON' && c.words.length === 1 && !FIRST_NAMES.has(key) && !context.get(key)) retyped.set(key, 'LOCATION');
      }
    }
    if (r.length < 3) continue;
    for (const kind of ['ORGANIZATION', 'LOCATION'] as const) {
      const n = r.filter((c) => c.modelType === kind).length;
      if (n < 2 || n * 2 <= r.length) continue;
      for (const c of r) {
        const key = fold(c.words.join(' '));
        const oddPerson =
          c.modelType === 'PERSON' && !FIRST_NAMES.has(c.words[0]!.toLowerCase()) && (kind === 'ORGANIZATION' || c.words.length === 1);
        // (a state's postal code, "VA", is a place whatever it is listed with)
        const oddPlace =
          kind === 'ORGANIZATION' && c.modelType === 'LOCATION' && c.known?.type !== 'LOCATION' && !/^\p{Lu}{2}$/u.test(c.text);
        if ((oddPerson || oddPlace) && !context.get(key)) retyped.set(key, kind);
      }
    }
  }
  if (retyped.size === 0) return;
  for (const c of cands) c.modelType = retyped.get(fold(c.words.join(' '))) ?? c.modelType;
}

const LIST_GLUE = /^(?:, +|,? +(?:and|or|&) +)(?:the +)?$/;

// place words the shared list leaves out (it also decides what ends a place's name elsewhere)
const MORE_PLACE_HEADS = new Set(['beach', 'springs', 'hill', 'creek', 'grove', 'woods', 'bluffs', 'shores', 'cove', 'glen']);

const INSTITUTE_WORDS = new Set([
  'research',
  'medical',
  'cancer',
  'policy',
  'study',
  'studies',
  'science',
  'health',
  'justice',
  'rights',
  'control',
  'prevention',
  'data',
  'innovation',
  'strategic',
]);

const ORG_PREFIXES = new Set([
  'groupe',
  'grupo',
  'gruppo',
  'banco',
  'banca',
  'banque',
  'compagnie',
  'société',
  'societe',
  'fundación',
  'fondation',
  'stiftung',
]);

const STREET_PREFIXES = new Set([
  'via',
  'viale',
  'corso',
  'piazza',
  'piazzale',
  'rue',
  'calle',
  'avenida',
  'rua',
  'praça',
  'boulevard',
  'ulica',
  'aleja',
]);

const STORM_KINDS = new Set(['typhoon', 'hurricane', 'cyclone', 'storm']);

export const PLACE_PREFIXES = new Set([
  'st.',
  'st',
  'saint',
  'ste.',
  'mount',
  'mt.',
  'fort',
  'ft.',
  'port',
  'lake',
  'cape',
  'san',
  'santa',
  'los',
  'las',
]);

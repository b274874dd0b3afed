import type { EntityType } from '../types';
import type { Token } from '../text/tokens';
import type { ModelAnnotation, ModelMention } from '../engine/nlp.port';
import type { Gazetteer } from '../lexicon/gazetteer';
import { matchTitle, type NameCandidate } from './name.finder';
import { fold } from './name.index';
import { appositiveRole, contextType } from './entity.classifier';
import { FACILITY_HEADS, LOC_HEADS, ORG_HEADS } from '../lexicon/words';
import { FIRST_NAMES } from '../lexicon/first-names.data';

/**
 * The names of a text as the model found them, in the shape the resolver merges. The model decides
 * what is a name and its type; the rules' candidates add only what the model does not read: the
 * title in front of a name, and known places and aliases it missed ("U.S.", "PRC").
 */
export function namesFromModel(
  text: string, tokens: readonly Token[], annotation: ModelAnnotation, ruleNames: readonly NameCandidate[], gaz: Gazetteer,
): NameCandidate[] {
  const mentions = joinSplitOrganisations(text, annotation.mentions.filter((m) => m.type !== 'MISC').sort((a, b) => a.start - b.start));
  const out: NameCandidate[] = [];
  const lowerWords = new Set<string>();
  for (const t of tokens) if (/^\p{Ll}/u.test(t.text)) lowerWords.add(t.text);
  let ti = 0;
  for (const m of mentions) {
    while (ti < tokens.length && tokens[ti]!.end <= m.start) ti++;
    let tj = ti;
    while (tj < tokens.length && tokens[tj]!.start < m.end) tj++;
    if (tj === ti) continue;
    const split = personOfOrganisation(text, m, ruleNames);
    if (split) {
      out.push(...split);
      continue;
    }
    for (const [pm, a, b] of reshape(text, tokens, lowerWords, m, ti, tj, gaz)) {
      const c = candidateOf(text, tokens, pm, a, b, ruleNames, gaz);
      if (c) out.push(c);
    }
  }
  // What the model passed over (or called MISC) but the text itself vouches for: known places and
  // aliases, and the names the model found elsewhere in the same text ("Early" after "Chris Early",
  // a surname that is also an everyday word; "Big Machine" once the model read "Big Machine Records").
  const echoes = new Map<string, EntityType>();
  for (const c of out) {
    if (!c.modelType) continue;
    echoes.set(fold(c.words.join(' ')), c.modelType);
    // the family name comes last or, in Chinese, Korean and Hungarian names, first ("Xi said")
    if (c.modelType === 'PERSON' && c.words.length > 1) {
      echoes.set(fold(c.words[c.words.length - 1]!), 'PERSON');
      echoes.set(fold(c.words[0]!), 'PERSON');
    }
  }
  for (const r of ruleNames) {
    if (mentions.some((m) => m.start < r.end && r.start < m.end)) continue;
    const echo = echoes.get(fold(r.words.join(' ')));
    if (r.known) out.push({ ...r, modelType: r.known.type });
    else if (echo) out.push({ ...r, modelType: echo });
    // "NetChoice, a trade group, …": the appositive says what the model could not
    else if (appositiveRole(tokens, r) === 'ORGANIZATION') out.push({ ...r, modelType: 'ORGANIZATION' });
    // "according to The Wrap", "told Deadline": a source the model passed over is a publication
    // or a body when it is no one's name
    else if (isSourceSlot(tokens, r) && !FIRST_NAMES.has(r.words[0]!.toLowerCase()) && !r.sentenceInitial) out.push({ ...r, modelType: 'ORGANIZATION' });
  }
  out.sort((a, b) => a.start - b.start);
  const context = contextTypes(tokens, out, gaz);
  voteTypes(text, out, context);
  for (const c of out) c.modelType = retype(c, gaz, text);
  typeByList(text, out, context);
  return productsToMakers(tokens, out, gaz).map((c) => withCapitalThe(tokens, c));
}

/**
 * "reported by The Hollywood Reporter", "toured with The Doobie Brothers": a capital "The" inside a
 * sentence is part of an organisation's name, as written (the entity's name still goes without it,
 * so "the Doobie Brothers" elsewhere is the same band).
 */
function withCapitalThe(tokens: readonly Token[], c: NameCandidate): NameCandidate {
  const the = tokens[c.first - 1];
  const before = tokens[c.first - 2];
  if (c.modelType !== 'ORGANIZATION' || the?.text !== 'The' || !before || before.sent !== the.sent || /^["“‘(:—–-]$/.test(before.text)) return c;
  return { ...c, first: c.first - 1, start: the.start, text: `The ${c.text}` };
}

/**
 * "Apple CarPlay", "Google Stadia", "Ascom Myco": the model takes a product named after its maker
 * for one organisation. Where the leading words are an organisation named on its own in the text
 * (or a known one) and the rest holds no word of an organisation's or a place's name ("Amazon Web
 * Services", "Nissan North America" stay whole), the mention is the maker's.
 */
function productsToMakers(tokens: readonly Token[], cands: NameCandidate[], gaz: Gazetteer): NameCandidate[] {
  const orgs = new Set<string>();
  for (const c of cands) if (c.modelType === 'ORGANIZATION') orgs.add(fold(c.words.join(' ')));
  return cands.map((c) => {
    if (c.modelType !== 'ORGANIZATION' || c.words.length < 2 || c.known) return c;
    for (let k = c.words.length - 1; k >= 1; k--) {
      const maker = c.words.slice(0, k);
      const rest = c.words.slice(k);
      const known = gaz.match(maker, 0);
      const isOrg = orgs.has(fold(maker.join(' '))) || (known?.entry.type === 'ORGANIZATION' && known.length === k);
      if (!isOrg) continue;
      const plain = rest.every((w) => {
        const lw = w.toLowerCase().replace(/[.’']s?$/, '');
        // ("CNN Business", "CBS DFW": a desk or a station of the organisation, not a product)
        return !ORG_HEADS.has(lw) && !LOC_HEADS.has(lw) && !FACILITY_HEADS.has(lw) && !DIVISION_WORDS.has(lw) && !/^\p{Lu}{2,5}$/u.test(w) &&
          /^\p{Lu}/u.test(w) && gaz.match([w], 0)?.entry.type !== 'LOCATION';
      });
      if (!plain) return c;
      let last = c.first;
      const end = c.start + c.text.indexOf(maker[maker.length - 1]!, c.text.indexOf(maker[0]!)) + maker[maker.length - 1]!.length;
      while (last < c.last && tokens[last]!.end <= end) last++;
      return { ...c, last, end, text: c.text.slice(0, end - c.start), words: maker, possessive: false };
    }
    return c;
  });
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
    if (prev && LIST_GLUE.test(text.slice(prev.end, c.start)) && !prev.possessive) run.push(c);
    else {
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
        const shaped = c.words.length >= 2 && c.words.length <= 3 && !c.known && c.words.every((w) => /^\p{Lu}\p{Ll}/u.test(w)) &&
          !c.words.some((w) => ORG_HEADS.has(w.toLowerCase()) || LOC_HEADS.has(w.toLowerCase()));
        const personal = shaped && (inFull >= 2 || FIRST_NAMES.has(c.words[0]!.toLowerCase()));
        if (c.modelType === 'ORGANIZATION' && personal && !context.get(fold(c.words.join(' ')))) retyped.set(fold(c.words.join(' ')), 'PERSON');
      }
    }
    if (r.length < 3) continue;
    for (const kind of ['ORGANIZATION', 'LOCATION'] as const) {
      const n = r.filter((c) => c.modelType === kind).length;
      if (n < 2 || n * 2 <= r.length) continue;
      for (const c of r) {
        const key = fold(c.words.join(' '));
        const oddPerson = c.modelType === 'PERSON' && !FIRST_NAMES.has(c.words[0]!.toLowerCase()) && (kind === 'ORGANIZATION' || c.words.length === 1);
        // (a state's postal code, "VA", is a place whatever it is listed with)
        const oddPlace = kind === 'ORGANIZATION' && c.modelType === 'LOCATION' && c.known?.type !== 'LOCATION' && !/^\p{Lu}{2}$/u.test(c.text);
        if ((oddPerson || oddPlace) && !context.get(key)) retyped.set(key, kind);
      }
    }
  }
  if (retyped.size === 0) return;
  for (const c of cands) c.modelType = retyped.get(fold(c.words.join(' '))) ?? c.modelType;
}

const LIST_GLUE = /^(?:, +|,? +(?:and|or|&) +)(?:the +)?$/;

const SOURCE_CUES = new Set(['told', 'tells', 'telling', 'tell']);

/** The name stands where a source is named: after "according to", "reports from", "told". */
function isSourceSlot(tokens: readonly Token[], r: NameCandidate): boolean {
  const w = (d: number): string => tokens[r.first - d]?.text.toLowerCase() ?? '';
  const d = w(1) === 'the' ? 2 : 1;
  return (w(d) === 'to' && w(d + 1) === 'according') || (w(d) === 'from' && /^reports?$/.test(w(d + 1))) || SOURCE_CUES.has(w(d));
}

function candidateOf(
  text: string, tokens: readonly Token[], m: ModelMention, first: number, last: number, ruleNames: readonly NameCandidate[], gaz: Gazetteer,
): NameCandidate | null {
  // "Col Alexander Vindman": the model sometimes takes the title into the name; the rules set it aside
  let title: string | null = null;
  const lead = tokens.slice(first, last).map((t) => t.text);
  const inner = matchTitle(lead, 0);
  // ("St. Paul" is a city at least as often as a saint: "St." stays in the name)
  if (inner && inner.length < lead.length && m.type === 'PERSON' && !PLACE_PREFIXES.has(lead[0]!.toLowerCase())) {
    title = inner.title;
    first += inner.length;
    m = { ...m, start: tokens[first]!.start };
  }
  // "Energy" of "Energy Secretary", "State" of "Secretary of State": part of an office, not a name
  const around = tokens.slice(Math.max(0, first - 3), Math.min(tokens.length, last + 2)).map((t) => t.text);
  const at = first - Math.max(0, first - 3);
  for (let k = 0; k <= at; k++) {
    const t = matchTitle(around, k);
    if (t && k + t.length >= at + (last - first)) return null;
  }
  const lastTok = tokens[last - 1]!;
  // "Trump's": the model's mention stops before the 's, our token does not
  const tail = text.slice(m.end, lastTok.end);
  const possessive = /^['’]s?$/.test(tail);
  const surface = text.slice(m.start, m.end);
  const words = surface.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return null;
  const whole = gaz.match(words, 0);
  const known = whole && whole.length === words.length ? whole.entry : null;
  // the title the rules saw in front of this name ("Prime Minister"), or one right before it
  const rule = ruleNames.find((r) => r.end === m.end || r.start === m.start);
  title ??= rule?.title ?? null;
  if (!title) {
    const before = tokens.slice(Math.max(0, first - 3), first).map((t) => t.text);
    for (let k = 0; k < before.length && !title; k++) {
      const t = matchTitle(before, k);
      if (t && k + t.length === before.length) title = t.title;
    }
  }
  const prev = tokens[first - 1];
  return {
    first,
    last,
    start: m.start,
    end: m.end,
    text: surface,
    words,
    known,
    title,
    possessive,
    sentenceInitial: !prev || prev.sent !== tokens[first]!.sent || /^["“‘(]$/.test(prev.text),
    modelType: m.type as EntityType,
  };
}

/**
 * The type the words around a form's mentions say plainly (contextType), by form; a form they give
 * two types keeps the model's.
 */
function contextTypes(tokens: readonly Token[], cands: readonly NameCandidate[], gaz: Gazetteer): Map<string, EntityType | null> {
  const said = new Map<string, EntityType | null>();
  for (const c of cands) {
    const t = contextType(tokens, c, gaz);
    if (!t) continue;
    const key = fold(c.words.join(' '));
    const was = said.get(key);
    said.set(key, was === undefined || was === t ? t : null);
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

/**
 * What the words of a name say against the model's type, where the model is known to slip:
 * "Dick Clark Productions" or "Harvard University" read as a person or place ("Productions",
 * "University" make it an organisation), "Sacramento Bee" read as a place (a known place and one
 * more word that is no place word: a newspaper, a team), "Bridgestone Arena" read as an
 * organisation (a venue is a place).
 */
function retype(c: NameCandidate, gaz: Gazetteer, text: string): EntityType | undefined {
  const type = c.modelType;
  if (!type || c.known || c.words.length < 2) return type;
  // "moved to St. Paul", "near Fort Worth": a place prefix after a place preposition
  if (PLACE_PREFIXES.has(c.words[0]!.toLowerCase()) && /\b(?:in|to|from|near|at|of)\s+$/.test(text.slice(Math.max(0, c.start - 6), c.start))) return 'LOCATION';
  const last = c.words[c.words.length - 1]!.toLowerCase().replace(/\.$/, '');
  if (FACILITY_HEADS.has(last)) return 'LOCATION';
  // "at the Moscone Center", "PPL Center, Allentown, PA": a center where something takes place
  // is a venue (a "Research Center" or a "Medical Center" stays an institution)
  if ((last === 'center' || last === 'centre') && !c.words.slice(0, -1).some((w) => ORG_HEADS.has(w.toLowerCase()) || INSTITUTE_WORDS.has(w.toLowerCase()))) {
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
    if (place && place.entry.type === 'LOCATION' && rest.length >= 1 && rest.length - placeWords === 1) return 'ORGANIZATION';
  }
  // "Virginia Beach", "Cuyahoga Falls" read as organisations: a place word ends them, no
  // organisation word is in them
  if (type === 'ORGANIZATION' && (LOC_HEADS.has(last) || MORE_PLACE_HEADS.has(last)) && last !== 'capital' && !c.words.some((w) => ORG_HEADS.has(w.toLowerCase()))) return 'LOCATION';
  return type;
}

/**
 * "Friederike Otto of Imperial College London" read as one organisation: where the rules cut the
 * name at "of" into a plain two- or three-word name (no institution or place word) and what
 * follows, it is a person "of" an institution.
 */
function personOfOrganisation(text: string, m: ModelMention, ruleNames: readonly NameCandidate[]): NameCandidate[] | null {
  if (m.type !== 'ORGANIZATION') return null;
  const inside = ruleNames.filter((r) => r.start >= m.start && r.end <= m.end);
  if (inside.length !== 2) return null;
  const [person, org] = inside as [NameCandidate, NameCandidate];
  const plain = (w: string) => !ORG_HEADS.has(w.toLowerCase()) && !LOC_HEADS.has(w.toLowerCase());
  if (text.slice(person.end, org.start) !== ' of ' || person.words.length < 2 || person.words.length > 3 || !person.words.every(plain)) return null;
  return [
    { ...person, modelType: 'PERSON' },
    { ...org, modelType: 'ORGANIZATION' },
  ];
}

type Piece = [ModelMention, number, number];

// place words the shared list leaves out (it also decides what ends a place's name elsewhere)
const MORE_PLACE_HEADS = new Set(['beach', 'springs', 'hill', 'creek', 'grove', 'woods', 'bluffs', 'shores', 'cove', 'glen']);

const INSTITUTE_WORDS = new Set(['research', 'medical', 'cancer', 'policy', 'study', 'studies', 'science', 'health', 'justice', 'rights', 'control', 'prevention', 'data', 'innovation', 'strategic']);

const DIVISION_WORDS = new Set(['business', 'sports', 'sport', 'health', 'politics', 'travel', 'digital', 'games', 'international', 'global', 'america', 'europe', 'asia', 'africa']);

const PLACE_PREFIXES = new Set(['st.', 'st', 'saint', 'ste.', 'mount', 'mt.', 'fort', 'ft.', 'port', 'lake', 'cape', 'san', 'santa', 'los', 'las']);

/**
 * Where the model's boundaries take in more than the name: "San Francisco's Moscone Center" is
 * two names (a known place and what it owns); "US Trade" of "US Trade Representative" stops before
 * the office; "Former National Security Council" and "NBA-leading Lakers" lose the word in front
 * (an ordinary word the text also writes in lower case, or a hyphenated modifier).
 */
function reshape(text: string, tokens: readonly Token[], lowerWords: ReadonlySet<string>, m: ModelMention, first: number, last: number, gaz: Gazetteer): Piece[] {
  const piece = (a: number, b: number, type = m.type, end?: number): Piece => [{ start: tokens[a]!.start, end: end ?? (b === last ? m.end : tokens[b - 1]!.end), type }, a, b];
  const words = tokens.slice(first, Math.min(tokens.length, last + 3)).map((t) => t.text);
  for (let k = 1; k < last - first; k++) {
    const t = matchTitle(words, k);
    if (t && k + t.length > last - first) return reshape(text, tokens, lowerWords, { ...m, end: tokens[first + k - 1]!.end }, first, first + k, gaz);
  }
  // "US Trade" of "US Trade Representative Robert Lighthizer": the last word qualifies the office
  // that follows (kept for a one-word name: "Google CEO Sundar Pichai")
  if (last - first >= 2 && /^\p{Lu}/u.test(words[last - first] ?? '') && matchTitle(words, last - first)) {
    return reshape(text, tokens, lowerWords, { ...m, end: tokens[last - 2]!.end }, first, last - 1, gaz);
  }
  for (let k = first; k < last - 1; k++) {
    if (!/^\p{L}.*['’]s$/u.test(tokens[k]!.text)) continue;
    const owner = text.slice(tokens[first]!.start, tokens[k]!.end - 2).split(/\s+/);
    // ("People's Liberation Army", "Magistrate's Court" keep theirs: only a known place owns a name)
    const known = gaz.match(owner, 0);
    if (!known || known.length !== owner.length || known.entry.type !== 'LOCATION') continue;
    return [piece(first, k + 1, 'LOCATION', tokens[k]!.end - 2), ...reshape(text, tokens, lowerWords, { ...m, start: tokens[k + 1]!.start }, k + 1, last, gaz)];
  }
  const lead = tokens[first]!.text;
  const prev = tokens[first - 1];
  const opensSentence = !prev || prev.sent !== tokens[first]!.sent;
  // "Former National Security Council": an ordinary word opening the sentence is no part of the name
  // ("News Nation" keeps its first word: one word left would be no name of its own); "NBA-leading
  // Lakers" (as the tokens split it) and "Host the Lakers": a modifier or a verb in front, not the name
  let drop = 0;
  // (the model's mention sometimes takes in a lower-case "the": "the Lakers")
  if (last - first >= 2 && lead === 'the') drop = 1;
  else if (last - first >= 3 && opensSentence && lowerWords.has(lead.toLowerCase())) drop = 1;
  else if (last - first >= 2 && /^[\p{Lu}\p{N}]+-\p{Ll}+$/u.test(lead)) drop = 1;
  else if (last - first >= 4 && tokens[first + 1]!.text === '-' && /^\p{Ll}+$/u.test(tokens[first + 2]!.text)) drop = 3;
  else if (last - first >= 3 && tokens[first + 1]!.text === 'the') drop = 1;
  if (drop > 0 && tokens[first + drop]!.text === 'the' && last - first - drop >= 2) drop++;
  if (drop > 0) return [piece(first + drop, last)];
  return [piece(first, last)];
}

/**
 * One organisation the model read as two: "Procter & Gamble" (an ampersand always joins), and
 * "U.S. Customs and Border Protection" — "X and Y" where X ends in a plural word (Customs,
 * Services, Affairs) and Y, two words or more, is never named alone in the text. ("Google and
 * Facebook" stay two.)
 */
function joinSplitOrganisations(text: string, mentions: ModelMention[]): ModelMention[] {
  const out: ModelMention[] = [];
  for (const m of mentions) {
    const prev = out[out.length - 1];
    if (prev && prev.type === 'ORGANIZATION' && m.type === 'ORGANIZATION') {
      const between = text.slice(prev.end, m.start);
      const second = text.slice(m.start, m.end);
      const aloneElsewhere = text.split(second).length - 1 > 1;
      const joined = between === ' & ' || (between === ' and ' && /\p{Lu}\p{Ll}+s$/u.test(text.slice(prev.start, prev.end)) && /\s/.test(second) && !aloneElsewhere);
      if (joined) {
        out[out.length - 1] = { ...prev, end: m.end };
        continue;
      }
    }
    out.push(m);
  }
  return out;
}

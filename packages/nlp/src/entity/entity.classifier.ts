import type { EntityType } from '../types';
import type { Token } from '../text/tokens';
import type { NameCandidate } from './name.finder';
import type { Gazetteer } from '../lexicon/gazetteer';
import { teamContext } from './team.context';
import { ORG_DESCRIPTORS, ORG_HEADS, ORG_ROLE_NOUNS, ROLE_NOUNS } from '../lexicon/words';

// What the words around a name say of it (the model types names; these read an appositive).

export const isAcronym = (w: string): boolean => /^(?:\p{Lu}\.?){2,6}$/u.test(w) && !/^\p{Lu}\.?$/u.test(w);

export const lower = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');

// roles a company can hold as well as a person: "Tribune, the owner of the Chicago Tribune"
const SHARED_ROLES = new Set([
  'owner',
  'partner',
  'investor',
  'source',
  'sources',
  'head',
  'boss',
  'chief',
  'leader',
  'host',
  'manager',
  'publisher',
  'founder',
  'candidate',
]);

/**
 * "NetChoice, a trade group, ..." / "Reed, the chairman, ...": what the appositive's head noun says
 * it is (its last word before a preposition, a clause or the comma: "the former National Security
 * Council official" is a person, "a global producer of medical technology" an organisation).
 */
export function appositiveRole(tokens: readonly Token[], c: NameCandidate): EntityType | null {
  if (lower(tokens[c.last]) !== ',' || !['a', 'an', 'the'].includes(lower(tokens[c.last + 1]))) return null;
  let head = '';
  let closed = false;
  for (let k = c.last + 2; k < Math.min(tokens.length, c.last + 9); k++) {
    const w = lower(tokens[k]);
    // it closes at a comma, a full stop, a preposition or a relative clause; "Region, the news
    // agency said" is an attribution and "the West, the Standing Committee views" a new clause
    if (APPOSITIVE_STOPS.has(w) || /^[,.;:)]$/.test(w)) {
      closed = true;
      break;
    }
    // "the Taiwanese electronics company best known for", "a company based in": the noun
    // phrase ends where a participle or an adverb of it begins
    // ("little-known firm": a word joined to the one before is no new phrase)
    if (AFTER_HEAD.has(w) && /^\p{L}/u.test(head) && tokens[k]!.start > tokens[k - 1]!.end) {
      closed = true;
      break;
    }
    // ("views its mission": a verb and its object, not a noun phrase)
    if (!/^[\p{L}-]/u.test(w) || CLAUSE_WORDS.has(w)) break;
    head = w;
  }
  if (!closed) return null;
  if (ORG_ROLE_NOUNS.has(head) || ORG_HEADS.has(head) || ORG_DESCRIPTORS.has(head)) return 'ORGANIZATION';
  if (ROLE_NOUNS.has(head) && !SHARED_ROLES.has(head)) return 'PERSON';
  return null;
}

const PLACE_KINDS = new Set(['town', 'city', 'village', 'suburb', 'hamlet', 'state', 'province', 'county', 'island', 'municipality']);
const ONLY_PLACE_KINDS = new Set(['province', 'prefecture', 'county', 'district']);
const LISTED_PLACE_KINDS = new Set([
  ...PLACE_KINDS,
  'country',
  'region',
  'district',
  'capital',
  'neighbourhood',
  'neighborhood',
  'territory',
  'prefecture',
]);
const PLACE_ADJECTIVES = new Set(['neighbouring', 'neighboring', 'nearby', 'rural', 'coastal', 'downtown', 'suburban', 'landlocked']);
const PLACE_KINDS_AFTER = new Set(['state', 'province', 'county', 'prefecture', 'resident', 'residents', 'native']);

const AREA_NOUNS = new Set(['area', 'region', 'district', 'suburb', 'suburbs', 'township', 'shire', 'hinterland', 'outskirts']);

const AFTER_HEAD = new Set([
  'best',
  'known',
  'based',
  'founded',
  'owned',
  'headquartered',
  'listed',
  'backed',
  'run',
  'led',
  'now',
  'also',
]);

const APPOSITIVE_STOPS = new Set([
  'of',
  'for',
  'at',
  'in',
  'on',
  'with',
  'from',
  'by',
  'that',
  'which',
  'who',
  'whose',
  'where',
  'and',
  'or',
]);
const CLAUSE_WORDS = new Set([
  'its',
  'his',
  'her',
  'their',
  'our',
  'my',
  'your',
  'to',
  'is',
  'was',
  'are',
  'were',
  'has',
  'have',
  'had',
  'will',
  'would',
  'said',
  'says',
  'told',
]);

// posts people hold in an organisation: "CEO of Tumblr", "founder of Flexport"
const POSTS_OF = new Set([
  'ceo',
  'founder',
  'co-founder',
  'cofounder',
  'chairman',
  'chairwoman',
  'executive',
  'employee',
  'employees',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'economist',
  'analyst',
  'engineer',
  'cto',
  'cfo',
  'coo',
  'shareholders',
  'investors',
  'subsidiary',
  'owner',
  'owners',
  'staff',
]);
// what an organisation has and a person does not: "Tumblr's app", "Flexport's chief executive"
const ORG_POSSESSIONS = new Set([
  'ceo',
  'cto',
  'cfo',
  'shares',
  'stock',
  'headquarters',
  'subsidiary',
  'subsidiaries',
  'app',
  'apps',
  'website',
  'platform',
  'shareholders',
  'stores',
  'board',
  'employees',
  'workforce',
  'chief',
  'founders',
  'co-founder',
  'cofounder',
  'newsroom',
  'customers',
  'users',
  'revenue',
  'earnings',
]);
// two-letter state codes of US addresses and datelines ("Bristow, VA")
const US_POSTAL = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(
    ' ',
  ),
);

/**
 * What the words right around one mention say of its type, where they say it plainly — the
 * model's CRF reads a few words either side and often takes a one-word company for a person or a
 * place: "energy company Burisma", "chief economist at Flexport", "CEO of Tumblr", "Dräger, a
 * global producer of …", "Tumblr's app", "Bristow, VA". Null when they say nothing.
 */
export function contextType(tokens: readonly Token[], c: NameCandidate, gaz: Gazetteer, sport = false): EntityType | null {
  const team = sport ? teamContext(tokens, c, gaz) : null;
  if (team) return team;
  const knownPlace = c.known?.type === 'LOCATION';
  const fullPerson = c.modelType === 'PERSON' && c.words.length >= 2;
  if (!fullPerson && isHometown(tokens, c)) return 'LOCATION';
  const apposed = appositiveRole(tokens, c);
  if (apposed && !knownPlace && !fullPerson) return apposed;
  const first = tokens[c.first]!;
  const before = (d: number): string => (c.first - d >= 0 && tokens[c.first - d]!.sent === first.sent ? lower(tokens[c.first - d]) : '');
  if (!knownPlace && !fullPerson) {
    // "energy company Burisma", "startup Flexport" (not "the company's Burisma")
    if (ORG_DESCRIPTORS.has(before(1))) return 'ORGANIZATION';
    // "chief economist at Flexport", "a professor at the Mayo Clinic"
    const at = before(1) === 'at' ? 2 : before(1) === 'the' && before(2) === 'at' ? 3 : 0;
    if (at && (ROLE_NOUNS.has(before(at)) || POSTS_OF.has(before(at)))) return 'ORGANIZATION';
    const of = before(1) === 'of' ? 2 : before(1) === 'the' && before(2) === 'of' ? 3 : 0;
    if (of && POSTS_OF.has(before(of))) return 'ORGANIZATION';
    if (c.possessive && ORG_POSSESSIONS.has(lower(tokens[c.last]))) return 'ORGANIZATION';
    // "Russia's fisheries agency, Rosrybolovstvo", "hearing aid manufacturers, including Sonova and Demant"
    if (before(1) === ',' && ORG_DESCRIPTORS.has(before(2))) return 'ORGANIZATION';
    if (listedAfterKind(tokens, c)) return 'ORGANIZATION';
  }
  // "the Finley area", "the Tairāwhiti region": a place named by what surrounds it
  if (!fullPerson && before(1) === 'the' && AREA_NOUNS.has(lower(tokens[c.last])) && !c.possessive) return 'LOCATION';
  // "eight provinces, including Ca Mau, Kien Giang and Tra Vinh": places listed after their kind
  if (!c.possessive && listedAfterKind(tokens, c, LISTED_PLACE_KINDS)) return 'LOCATION';
  // "in neighbouring Tra Vinh", "rural Hebei": a word, written small, that only places take (the
  // model reads a two-word place it does not know as a person's name)
  if (!c.possessive && PLACE_ADJECTIVES.has(before(1)) && /^\p{Ll}/u.test(tokens[c.first - 1]!.text)) return 'LOCATION';
  // "the town of Blackheath", "from Mato Grosso state", "Blackheath resident Paul Devenish": a
  // place by the kind of place it is, written small around it
  if (!c.possessive && !c.sentenceInitial) {
    const kindBefore = before(1) === 'of' && PLACE_KINDS.has(before(2));
    const after = tokens[c.last];
    const kindAfter = after?.sent === first.sent && /^\p{Ll}/u.test(after.text) && PLACE_KINDS_AFTER.has(after.text);
    // (a name the model takes for a person's, "In Ben Tre province", when the kind is one no person has)
    if (!fullPerson ? kindBefore || kindAfter : kindAfter && ONLY_PLACE_KINDS.has(after.text)) return 'LOCATION';
  }
  // "Bristow, VA", "Nashville, Tennessee,": a place named with its state or country (an
  // organisation stays one: "NATO, Russia, and …" is a list; and "Tom Berg, Chicago" signs a review)
  // ("BEN TRE, Vietnam (Agency) -": a dateline, in capitals at a paragraph's start)
  const dateline = c.words.every((w) => !/\p{Ll}/u.test(w)) && (c.first === 0 || tokens[c.first - 1]!.para !== first.para);
  if (c.modelType !== 'ORGANIZATION' && (!fullPerson || dateline) && lower(tokens[c.last]) === ',' && !c.possessive) {
    const next = tokens[c.last + 1];
    const after = tokens[c.last + 2];
    const ends = !after || after.para !== next?.para || /^[,.;:)–—-]$/.test(after.text);
    if (next && ends && next.para === first.para) {
      const place = gaz.match([next.text], 0);
      if (US_POSTAL.has(next.text) || (place?.entry.type === 'LOCATION' && place.length === 1)) return 'LOCATION';
    }
  }
  return null;
}

/**
 * "Ryan Hollman, 31, of Hope", "Tays, 32, of Franklin, was": the name after a person's age in the
 * news report's "name, age, of town" is the town (the model reads a one-word town as anything).
 */
export function isHometown(tokens: readonly Token[], c: NameCandidate): boolean {
  const age = tokens[c.first - 3];
  return (
    lower(tokens[c.first - 1]) === 'of' &&
    lower(tokens[c.first - 2]) === ',' &&
    !!age &&
    age.sent === tokens[c.first]!.sent &&
    /^\d{1,3}$/.test(age.text)
  );
}

const SOURCE_CUES = new Set(['told', 'tells', 'telling', 'tell']);
// "a statement to Rolling Stone", "confirmed to WIRED", "said in an interview with Deadline"
const STATED_TO = new Set(['statement', 'statements', 'confirmed', 'confirms', 'explained', 'comment', 'comments', 'emailed', 'wrote']);

// what follows "X reported" when X is the outlet: "reported that", "reported on Wednesday",
// "reported earlier", "reported details of" (a person "reported to the police", "reported him")
const AFTER_REPORTED = new Set([
  'that',
  ',',
  '.',
  'on',
  'earlier',
  'late',
  'last',
  'this',
  'yesterday',
  'today',
  'tonight',
  'details',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);

/** "Rolling Stone reported details …", "Kan reported on Wednesday": the name is the subject of "reported" as an outlet's. */
export function reportsAsOutlet(tokens: readonly Token[], r: NameCandidate): boolean {
  const after = (d: number): string => tokens[r.last - 1 + d]?.text.toLowerCase() ?? '';
  return !r.possessive && /^report(?:s|ed)$/.test(after(1)) && AFTER_REPORTED.has(after(2));
}

/**
 * The name stands where a source is named: after "according to", "reports from", "a report by",
 * "told", or as the subject of "reports that" / "reported that" ("Deadline reports that …").
 */
export function isSourceSlot(tokens: readonly Token[], r: NameCandidate): boolean {
  const w = (d: number): string => tokens[r.first - d]?.text.toLowerCase() ?? '';
  const d = w(1) === 'the' ? 2 : 1;
  return (
    (w(d) === 'to' && (w(d + 1) === 'according' || STATED_TO.has(w(d + 1)))) ||
    (w(d) === 'with' && /^interviews?$/.test(w(d + 1))) ||
    (w(d) === 'from' && /^reports?$/.test(w(d + 1))) ||
    (w(d) === 'by' && /^report(?:s|ed|ing)?$/.test(w(d + 1))) ||
    SOURCE_CUES.has(w(d)) ||
    reportsAsOutlet(tokens, r)
  );
}

/**
 * "manufacturers, including Sonova and Demant", "lenders such as Varo": a name listed after
 * "including" or "such as" that follows a plural kind of organisation.
 */
function listedAfterKind(tokens: readonly Token[], c: NameCandidate, kinds: ReadonlySet<string> = ORG_DESCRIPTORS): boolean {
  const sent = tokens[c.first]!.sent;
  let k = c.first - 1;
  // back over the names listed before it ("Sonova and", "Chime, Varo,")
  for (let n = 0; n < 12 && tokens[k]?.sent === sent && /^(?:\p{Lu}.*|,|and|&)$/u.test(tokens[k]!.text); n++) k--;
  const w = lower(tokens[k]);
  const lead = w === 'including' ? k - 1 : w === 'as' && lower(tokens[k - 1]) === 'such' ? k - 2 : -1;
  if (lead < 0 || tokens[lead]?.sent !== sent) return false;
  const kind = lower(tokens[lead]) === ',' ? lower(tokens[lead - 1]) : lower(tokens[lead]);
  const singular = kind.endsWith('ies') ? `${kind.slice(0, -3)}y` : kind.replace(/s$/, '');
  return kind !== singular && kinds.has(singular);
}

import type { Token } from '../text/tokens';
import type { ModelMention } from '../engine/nlp.port';
import type { Gazetteer } from '../lexicon/gazetteer';
import { matchTitle, type NameCandidate } from './name.finder';
import { fold } from './name.index';
import { FACILITY_HEADS, LOC_HEADS, ORG_HEADS, ROLE_NOUNS } from '../lexicon/words';

// Where a name the model found starts and ends: what its mention takes in that is not the name
// ("Host the Lakers"), one name it cut in two ("Procter & Gamble"), two names it read as one
// ("Friederike Otto of Imperial College"), a product for its maker ("Apple CarPlay").

export type Piece = [ModelMention, number, number];

// The head words of public bodies, which end a name even before an office ("Foreign Office
// Minister"); "Project Manager", "Programme Director" are offices of their own
const BODY_HEADS = new Set([
  'office',
  'department',
  'ministry',
  'committee',
  'council',
  'agency',
  'commission',
  'bureau',
  'board',
  'authority',
  'senate',
  'assembly',
]);

const DIVISION_WORDS = new Set([
  'business',
  'sports',
  'sport',
  'health',
  'politics',
  'travel',
  'digital',
  'games',
  'international',
  'global',
  'america',
  'europe',
  'asia',
  'africa',
]);

/**
 * Where the model's boundaries take in more than the name: "San Francisco's Moscone Center" is
 * two names (a known place and what it owns); "US Trade" of "US Trade Representative" stops before
 * the office; "Former National Security Council" and "NBA-leading Lakers" lose the word in front
 * (an ordinary word the text also writes in lower case, or a hyphenated modifier).
 */
export function reshape(
  text: string,
  tokens: readonly Token[],
  lowerWords: ReadonlySet<string>,
  m: ModelMention,
  first: number,
  last: number,
  gaz: Gazetteer,
): Piece[] {
  const piece = (a: number, b: number, type = m.type, end?: number): Piece => [
    { start: tokens[a]!.start, end: end ?? (b === last ? m.end : tokens[b - 1]!.end), type },
    a,
    b,
  ];
  const words = tokens.slice(first, Math.min(tokens.length, last + 3)).map((t) => t.text);
  for (let k = 1; k < last - first; k++) {
    const t = matchTitle(words, k);
    if (t && k + t.length > last - first) {
      return reshape(text, tokens, lowerWords, { ...m, end: tokens[first + k - 1]!.end }, first, first + k, gaz);
    }
  }
  // "US Trade" of "US Trade Representative Robert Lighthizer": the last word qualifies the office
  // that follows (kept for a one-word name: "Google CEO Sundar Pichai")
  // ("House of Representatives Speaker": a name does not end on "of", the whole name is kept;
  // "Ana Ruiz’s Captain Vance": a possessive owns the office, it does not qualify it;
  // "Hong Kong Chief Executive": a known name is whole, its last word is no part of the office)
  if (
    last - first >= 2 &&
    gaz.match(words, 0)?.length !== last - first &&
    /^\p{Lu}/u.test(words[last - first] ?? '') &&
    matchTitle(words, last - first) &&
    !/^\p{Ll}+$/u.test(words[last - first - 2] ?? '') &&
    !/['’]s?$/.test(words[last - first - 1] ?? '') &&
    // ("Foreign Office Minister", "State Department spokesman": a body's name ends on its head word)
    !BODY_HEADS.has((words[last - first - 1] ?? '').toLowerCase())
  ) {
    // "Urban Development Minister": what is left is no known name, and the text never names it
    // alone ("Lexus Project Manager" after "Lexus revealed"): the words are the office's portfolio
    const rest = gaz.match(words, 0);
    const restText = words.slice(0, last - first - 1).join(' ');
    const esc = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const alone = new RegExp(`(?<![\\p{L}])${esc(restText)}(?![\\p{L}]|\\s+${esc(words[last - first - 1]!)})`, 'u').test(text);
    if (m.type === 'ORGANIZATION' && (!rest || rest.length !== last - first - 1) && !alone) return [];
    return reshape(text, tokens, lowerWords, { ...m, end: tokens[last - 2]!.end }, first, last - 1, gaz);
  }
  for (let k = first; k < last - 1; k++) {
    if (!/^\p{L}.*['’]s$/u.test(tokens[k]!.text)) continue;
    const owner = text.slice(tokens[first]!.start, tokens[k]!.end - 2).split(/\s+/);
    // ("People's Liberation Army", "Magistrate's Court" keep theirs: only a known place owns a name)
    const known = gaz.match(owner, 0);
    if (!known || known.length !== owner.length || known.entry.type !== 'LOCATION') continue;
    return [
      piece(first, k + 1, 'LOCATION', tokens[k]!.end - 2),
      ...reshape(text, tokens, lowerWords, { ...m, start: tokens[k + 1]!.start }, k + 1, last, gaz),
    ];
  }
  // "the White House Russia adviser", "the National Security Council Ukraine expert": a known
  // place between a name and a role is the role's subject, not the end of the name
  const role = tokens[last];
  if (last - first >= 2 && role && role.sent === tokens[first]!.sent && ROLE_NOUNS.has(role.text)) {
    for (let k = first + 1; k < last; k++) {
      const place = gaz.match(words, k - first);
      if (place && k + place.length === last && place.entry.type === 'LOCATION') {
        // (the place itself only qualifies the role here, as an adjective would: no mention of its own)
        return reshape(text, tokens, lowerWords, { ...m, end: tokens[k - 1]!.end }, first, k, gaz);
      }
    }
  }
  const lead = tokens[first]!.text;
  const prev = tokens[first - 1];
  const opensSentence = !prev || prev.sent !== tokens[first]!.sent;
  // "Former National Security Council": an ordinary word opening the sentence is no part of the name
  // ("News Nation" keeps its first word: one word left would be no name of its own); "NBA-leading
  // Lakers" (as the tokens split it) and "Host the Lakers": a modifier or a verb in front, not the name
  // (but a name of hyphened parts is one: "Dunkwa-on-Offin", "Stratford-upon-Avon")
  const hyphenedModifier =
    last - first >= 4 && tokens[first + 1]!.text === '-' && /^\p{Ll}+$/u.test(tokens[first + 2]!.text) && tokens[first + 3]!.text !== '-';
  let drop = 0;
  // (the model's mention sometimes takes in a lower-case "the": "the Lakers")
  if (last - first >= 2 && lead === 'the') drop = 1;
  else if (last - first >= 3 && opensSentence && lowerWords.has(lead.toLowerCase())) drop = 1;
  else if (last - first >= 2 && /^[\p{Lu}\p{N}]+-\p{Ll}+$/u.test(lead)) drop = 1;
  else if (hyphenedModifier) drop = 3;
  else if (last - first >= 3 && tokens[first + 1]!.text === 'the') drop = 1;
  if (drop > 0 && tokens[first + drop]!.text === 'the' && last - first - drop >= 2) drop++;
  if (drop > 0) return [piece(first + drop, last)];
  return [piece(first, last)];
}

/**
 * "Friederike Otto of Imperial College London" read as one organisation: where the rules cut the
 * name at "of" into a plain two- or three-word name (no institution or place word) and what
 * follows, it is a person "of" an institution.
 */
export function personOfOrganisation(text: string, m: ModelMention, ruleNames: readonly NameCandidate[]): NameCandidate[] | null {
  if (m.type !== 'ORGANIZATION') return null;
  const inside = ruleNames.filter((r) => r.start >= m.start && r.end <= m.end);
  if (inside.length !== 2) return null;
  const [person, org] = inside as [NameCandidate, NameCandidate];
  const plain = (w: string) => !ORG_HEADS.has(w.toLowerCase()) && !LOC_HEADS.has(w.toLowerCase());
  if (text.slice(person.end, org.start) !== ' of ' || person.words.length < 2 || person.words.length > 3 || !person.words.every(plain)) {
    return null;
  }
  return [
    { ...person, modelType: 'PERSON' },
    { ...org, modelType: 'ORGANIZATION' },
  ];
}

/**
 * "Apple CarPlay", "Google Stadia", "Ascom Myco": the model takes a product named after its maker
 * for one organisation. Where the leading words are an organisation named on its own in the text
 * (or a known one) and the rest holds no word of an organisation's or a place's name ("Amazon Web
 * Services", "Nissan North America" stay whole), the mention is the maker's.
 */
export function productsToMakers(tokens: readonly Token[], cands: NameCandidate[], gaz: Gazetteer): NameCandidate[] {
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
      // "Velkor TV" where Velkor is named alone as an organisation: the maker's set, not a
      // channel ("TV" is the one head word that also names the product itself)
      const set = rest.length === 1 && /^TVs?$/.test(rest[0]!) && orgs.has(fold(maker.join(' ')));
      const plain =
        set ||
        rest.every((w) => {
          const lw = w.toLowerCase().replace(/[.’']s?$/, '');
          // ("CNN Business", "CBS DFW": a desk or a station of the organisation, not a product)
          return (
            !ORG_HEADS.has(lw) &&
            !LOC_HEADS.has(lw) &&
            !FACILITY_HEADS.has(lw) &&
            !DIVISION_WORDS.has(lw) &&
            !/^\p{Lu}{2,5}$/u.test(w) &&
            /^\p{Lu}/u.test(w) &&
            gaz.match([w], 0)?.entry.type !== 'LOCATION'
          );
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
 * "reported by The Hollywood Reporter", "toured with The Doobie Brothers": a capital "The" inside a
 * sentence is part of an organisation's name, as written (the entity's name still goes without it,
 * so "the Doobie Brothers" elsewhere is the same band).
 */
export function withCapitalThe(tokens: readonly Token[], c: NameCandidate): NameCandidate {
  const the = tokens[c.first - 1];
  const before = tokens[c.first - 2];
  if (c.modelType !== 'ORGANIZATION' || the?.text !== 'The' || !before || before.sent !== the.sent || /^["“‘(:—–-]$/.test(before.text)) {
    return c;
  }
  return { ...c, first: c.first - 1, start: the.start, text: `The ${c.text}` };
}

/**
 * "Inner Mongolia Autonomous Region" read as "Mongolia Autonomous Region" where the same text has
 * "Inner Mongolia" whole: the word the model left out in front belongs to the name, since the text
 * itself names the longer form (the model's other mention vouches for it, no word list does).
 */
export function withNamedHead(text: string, every: readonly ModelMention[]): (m: ModelMention) => ModelMention {
  // the names of several words by their last word, read once (a long text has thousands of mentions)
  const byLast = new Map<string, Set<string>>();
  for (const o of every) {
    if (o.type === 'MISC') continue;
    const name = text.slice(o.start, o.end);
    const last = / (\S+)$/.exec(name)?.[1];
    if (!last) continue;
    const names = byLast.get(last) ?? new Set<string>();
    if (names.size === 0) byLast.set(last, names);
    names.add(name);
  }
  return (m) => {
    const surface = text.slice(m.start, m.end);
    const firstWord = /^\S+/.exec(surface)?.[0];
    if (!firstWord) return m;
    for (const name of byLast.get(firstWord) ?? []) {
      if (name === surface) continue;
      const start = m.start - (name.length - firstWord.length);
      if (start < 0 || text.slice(start, m.start + firstWord.length) !== name) continue;
      // (a name already there stays its own: no mention is swallowed)
      if (every.some((x) => x !== m && x.start < m.start && x.end > start)) continue;
      return { ...m, start };
    }
    return m;
  };
}

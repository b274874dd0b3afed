import type { Entity, EntityType } from '../types';
import type { Token } from '../text/tokens';
import type { NameCandidate } from './name.finder';
import {
  AUX_ADVERBS, COMPASS, ORG_ROLE_NOUNS, TITLES, CUE_VERBS, LOC_HEADS, LOC_PREPOSITIONS, PLACE_ROLES, NOT_NAME_STARTS, ORG_HEADS, ORG_WORDS, OTHER_HEADS, ROLE_NOUNS, SENTENCE_STOP,
} from '../lexicon/words';
import { FIRST_NAMES } from '../lexicon/first-names.data';
import { getGazetteer } from '../lexicon/gazetteer';

/** One mention tied to its entity; the quotation rules use these to resolve speakers. */
export interface ResolvedMention {
  entity: number;
  start: number;
  end: number;
  first: number;
  last: number;
  sent: number;
  para: number;
  possessive: boolean;
}

export interface EntityTable {
  entities: Entity[];
  /** sorted by start */
  mentions: ResolvedMention[];
  /** role nouns seen with each entity ("minister"), by entity index */
  roles: Map<number, Set<string>>;
}

interface Draft {
  type: EntityType;
  canonical: string | null;
  words: string[][];
  cands: NameCandidate[];
}

const TITLE_SET = new Set(TITLES.filter((t) => !t.includes(' ')).map((t) => t.replace(/\.$/, '')));
// capitalised abbreviations that name no organisation
const NOT_ACRONYMS = new Set(['TV', 'VIP', 'CEO', 'CFO', 'COO', 'GDP', 'AI', 'OK', 'PM', 'AM', 'PR', 'HR', 'IT', 'ID', 'DNA', 'COVID', 'LGBT', 'LGBTQ', 'IPO', 'ETF', 'PC', 'VR', 'EV', 'EVs', 'SUV', 'MP', 'MPs', 'QC', 'KC', 'OBE', 'MBE', 'CBE', 'PhD', 'MD']);

const fold = (s: string): string => s.replace(/[’‘]/g, "'").toLowerCase();
const isAcronym = (w: string): boolean => /^(?:\p{Lu}\.?){2,6}$/u.test(w) && !/^\p{Lu}\.?$/u.test(w);

/** Type of a name from its own words and title, or null when only context can tell (one plain word). */
function classify(
  c: NameCandidate, lowerWords: ReadonlySet<string>, placeFirst: boolean, placeContext: boolean, orgFirst = false,
): EntityType | 'DROP' | null {
  if (c.known) return c.known.type;
  if (/^[DRI]-/.test(c.text)) return 'DROP'; // party and state of a US legislator: "D-N.Y.
  const lw = c.words.map((w) => w.toLowerCase().replace(/\.$/, ''));
  const last = lw[lw.length - 1] ?? '';
  if (lw.length > 1 && (OTHER_HEADS.has(last) || NOT_NAME_STARTS.has(lw[0]!))) return 'DROP';
  // "Orange County Register", "Kansas City Star": a place word inside the name
  if (lw.slice(0, -1).some((w) => LOC_HEADS.has(w)) && !ORG_HEADS.has(last) && !LOC_HEADS.has(last)) return 'ORGANIZATION';
  if (ORG_HEADS.has(last) || lw.some((w) => ORG_WORDS.has(w))) return 'ORGANIZATION';
  if (lw.length > 1 && LOC_HEADS.has(last)) return 'LOCATION';
  // an office without its holder: "the Home Secretary", "the Foreign Minister"
  if (lw.length > 1 && TITLE_SET.has(last) && !FIRST_NAMES.has(lw[0]!)) return 'DROP';
  if (c.title) return 'PERSON';
  // single words (acronyms too: "NSC" may stand for a name spelt out elsewhere) need context
  if (lw.length === 1) {
    if (/^\p{L}$/u.test(c.words[0] ?? '') || NOT_ACRONYMS.has(c.words[0]!)) return 'DROP';
    return null;
  }
  if (placeContext) return 'LOCATION';
  if (FIRST_NAMES.has(lw[0] ?? '')) return 'PERSON';
  // "Network Rail", "Bank of America": an organisation word anywhere
  if (lw.some((w) => ORG_HEADS.has(w))) return 'ORGANIZATION';
  // "Sacramento Bee", "Big Machine": a place or an everyday word in front makes it a name of a thing
  if (lw.length === 2 && COMPASS.has(lw[0]!)) return 'LOCATION';
  // "Deferred Action": verb forms are not personal names
  if (lw.some((w) => /^\p{L}{4,}ed$/u.test(w) && !FIRST_NAMES.has(w))) return 'ORGANIZATION';
  if (placeFirst || orgFirst || lw.some((w) => w.length > 2 && !SENTENCE_STOP.has(w) && lowerWords.has(w))) return 'ORGANIZATION';
  // two to four plain capitalised words: a personal name is by far the commonest case in news
  if (lw.length <= 4 && c.words.every((w) => /^\p{Lu}[\p{Ll}'’\-.]/u.test(w) || /^\p{Lu}\.$/u.test(w))) return 'PERSON';
  return 'ORGANIZATION';
}

const lower = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');

/** "in X" and "the mayor of X" introduce places. */
function inPlaceContext(tokens: readonly Token[], c: NameCandidate): boolean {
  const p = lower(tokens[c.first - 1]);
  if (p === 'in' || p === 'near') return true;
  return p === 'of' && PLACE_ROLES.has(lower(tokens[c.first - 2]));
}

/** "NetChoice, a trade group, ..." / "Reed, the chairman, ...": what the appositive says it is. */
function appositiveRole(tokens: readonly Token[], c: NameCandidate): EntityType | null {
  if (lower(tokens[c.last]) !== ',' || !['a', 'an', 'the'].includes(lower(tokens[c.last + 1]))) return null;
  for (let k = c.last + 2; k < Math.min(tokens.length, c.last + 6); k++) {
    const w = lower(tokens[k]);
    if (w === ',' || w === '.') break;
    if (ORG_ROLE_NOUNS.has(w) || ORG_HEADS.has(w)) return 'ORGANIZATION';
    if (ROLE_NOUNS.has(w)) return 'PERSON';
  }
  return null;
}

function nextWordIsCue(tokens: readonly Token[], c: NameCandidate): boolean {
  for (let k = c.last; k < Math.min(tokens.length, c.last + 3); k++) {
    const w = tokens[k]!.text.toLowerCase();
    if (CUE_VERBS.has(w)) return true;
    if (!AUX_ADVERBS.has(w)) return false;
  }
  return false;
}

const initialsOf = (words: string[]): string =>
  words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');

/**
 * Merges name candidates into entities: fullest name wins, surnames and first words resolve to the
 * person most recently named (or the next one named), acronyms and aliases to their organisation or place.
 */
export function resolveEntities(text: string, tokens: readonly Token[], cands: readonly NameCandidate[]): EntityTable {
  const drafts: Draft[] = [];
  const byKey = new Map<string, number>();
  const assigned = new Array<number>(cands.length).fill(-1);

  const addTo = (key: string, make: () => Draft, ci: number): number => {
    let idx = byKey.get(key);
    if (idx === undefined) {
      idx = drafts.length;
      drafts.push(make());
      byKey.set(key, idx);
    }
    const d = drafts[idx]!;
    d.cands.push(cands[ci]!);
    d.words.push(cands[ci]!.words);
    assigned[ci] = idx;
    return idx;
  };

  // pass 1: names that carry their own type
  const lowerWords = new Set<string>();
  for (const t of tokens) if (/^\p{Ll}/u.test(t.text)) lowerWords.add(t.text);
  const gaz = getGazetteer();
  const types = cands.map((c) => {
    const gm = c.words.length > 1 ? gaz.match(c.words, 0) : null;
    const partial = gm !== null && gm.length < c.words.length;
    return classify(c, lowerWords, partial && gm.entry.type === 'LOCATION', inPlaceContext(tokens, c), partial && gm.entry.type === 'ORGANIZATION');
  });
  cands.forEach((c, ci) => {
    const type = types[ci];
    if (type === 'DROP') {
      assigned[ci] = -2; // an event or a work: no entity
      return;
    }
    if (!type) return;
    if (c.known) {
      addTo(`${type}|${fold(c.known.canonical)}`, () => ({ type, canonical: c.known!.canonical, words: [], cands: [] }), ci);
      return;
    }
    if (type === 'PERSON' && c.words.length > 1) {
      // "Donald J. Trump" and "Donald Trump" are one person: key on first and last word
      const key = `PERSON|${fold(c.words[0]!)} ${fold(c.words[c.words.length - 1]!)}`;
      addTo(key, () => ({ type, canonical: null, words: [], cands: [] }), ci);
      return;
    }
    if (type === 'PERSON') return; // titled single word: resolved with the other single words
    // "Apple Inc" is Apple: the corporate suffix does not make another organisation
    const key = fold(c.words.join(' ')).replace(/\s+(?:inc|corp|co|ltd|llc|plc|sa|ag|nv)\.?$/, '');
    const known = type === 'ORGANIZATION' ? byKey.get(`${type}|${key}`) : undefined;
    if (known !== undefined) attach(drafts, assigned, cands, ci, known);
    else addTo(`${type}|${key}`, () => ({ type, canonical: null, words: [], cands: [] }), ci);
  });

  // organisations named by a shorter tail ("Intelligence Committee") join the fuller one
  const orgIdx = drafts.map((d, i) => i).filter((i) => drafts[i]!.type === 'ORGANIZATION' && !drafts[i]!.canonical);
  for (const i of orgIdx) {
    const wi = (drafts[i]!.words[0] ?? []).map(fold);
    for (const j of orgIdx) {
      const wj = (drafts[j]!.words[0] ?? []).map(fold);
      if (i === j || wj.length <= wi.length || wi.length < 2) continue;
      if (wj.slice(wj.length - wi.length).join(' ') === wi.join(' ')) {
        mergeInto(drafts, assigned, i, j);
        break;
      }
    }
  }

  // pass 2: single words (and titled single words) in text order, through indexes built once
  // (the text may be long: nothing here may scan all mentions per mention)
  const index = buildIndex(drafts);
  const lastSeen = new Map<number, number>();
  const singles: number[] = [];
  cands.forEach((c, ci) => {
    const a = assigned[ci]!;
    if (a >= 0 || a === -2) return;
    const w = fold(c.words[0] ?? '');
    const person = pickPerson(index, c.start, w, lastSeen);
    if (person >= 0) {
      attach(drafts, assigned, cands, ci, person);
      lastSeen.set(person, c.start);
      return;
    }
    const raw = c.words[0] ?? '';
    const org = (!ORG_HEADS.has(w) ? index.orgByFirst.get(w) : undefined) ??
      (isAcronym(raw) ? index.orgByInitials.get(raw.replace(/\./g, '')) : undefined);
    if (org !== undefined) {
      attach(drafts, assigned, cands, ci, org);
      return;
    }
    singles.push(ci);
  });

  // remaining single words: decide per word, from all its occurrences
  const groups = new Map<string, number[]>();
  for (const ci of singles) {
    const w = fold(cands[ci]!.words[0] ?? '');
    const g = groups.get(w);
    if (g) g.push(ci);
    else groups.set(w, [ci]);
  }
  const surnames = new Set(drafts.filter((d) => d.type === 'PERSON').flatMap((d) => d.words.map((ws) => fold(ws[ws.length - 1]!))));
  for (const [w, cis] of groups) {
    const cs = cis.map((ci) => cands[ci]!);
    if (w.endsWith('s') && surnames.has(w.slice(0, -1))) continue; // "the Bidens"
    if (SENTENCE_STOP.has(w)) continue;
    if (/^\p{L}{3,}(?:ans|ians)$/u.test(w)) continue; // "Texans", "Californians": people of a place
    const personEvidence = cs.some((c) => c.title !== null || nextWordIsCue(tokens, c) || appositiveRole(tokens, c) === 'PERSON');
    const orgEvidence = cs.some((c) => appositiveRole(tokens, c) === 'ORGANIZATION');
    const midSentence = cs.some((c) => !c.sentenceInitial);
    const looksLikeWord = /^\p{L}{3,}(?:ing|ly)$|^\p{L}{5,}ed$/u.test(w) || lowerWords.has(w) ||
      (w.endsWith('s') && lowerWords.has(w.slice(0, -1))) || ROLE_NOUNS.has(w.replace(/s$/, ''));
    // "Analysts said", "Instead, ...", "Unions announce": ordinary words with a capital
    if (looksLikeWord && !cs.some((c) => c.title !== null)) continue;
    let type: EntityType | null = null;
    if (isAcronym(cs[0]!.words[0] ?? '') || orgEvidence) type = 'ORGANIZATION';
    else if (personEvidence) type = 'PERSON';
    else if (midSentence && !looksLikeWord) {
      // "visited Newcastle", "a teacher from Hexham": mostly after place prepositions, a place
      const placey = cs.filter((c) => LOC_PREPOSITIONS.has(lower(tokens[c.first - 1])) || inPlaceContext(tokens, c)).length;
      type = placey * 2 > cs.length ? 'LOCATION' : 'ORGANIZATION';
    }
    if (!type) continue;
    const t = type;
    for (const ci of cis) addTo(`${t}|${w}`, () => ({ type: t, canonical: null, words: [], cands: [] }), ci);
  }

  return finish(text, tokens, drafts);
}

function mergeInto(drafts: Draft[], assigned: number[], from: number, to: number): void {
  const a = drafts[from]!;
  const b = drafts[to]!;
  b.cands.push(...a.cands);
  b.words.push(...a.words);
  a.cands = [];
  a.words = [];
  for (let k = 0; k < assigned.length; k++) if (assigned[k] === from) assigned[k] = to;
}

function attach(drafts: Draft[], assigned: number[], cands: readonly NameCandidate[], ci: number, idx: number): void {
  drafts[idx]!.cands.push(cands[ci]!);
  drafts[idx]!.words.push(cands[ci]!.words);
  assigned[ci] = idx;
}

interface NameIndex {
  /** folded last / first words of multi-word person names -> drafts */
  byLast: Map<string, number[]>;
  byFirst: Map<string, number[]>;
  /** the same keys bucketed by length, for one-letter variants */
  lastByLength: Map<number, string[]>;
  /** sorted starts of each person's full-name mentions */
  starts: Map<number, number[]>;
  orgByFirst: Map<string, number>;
  orgByInitials: Map<string, number>;
}

function buildIndex(drafts: Draft[]): NameIndex {
  const ix: NameIndex = { byLast: new Map(), byFirst: new Map(), lastByLength: new Map(), starts: new Map(), orgByFirst: new Map(), orgByInitials: new Map() };
  const add = (m: Map<string, number[]>, k: string, i: number): void => {
    const l = m.get(k);
    if (!l) m.set(k, [i]);
    else if (!l.includes(i)) l.push(i);
  };
  drafts.forEach((d, i) => {
    if (d.type === 'PERSON') {
      for (const ws of d.words) {
        if (ws.length < 2) continue;
        const last = fold(ws[ws.length - 1]!);
        if (!ix.byLast.has(last)) {
          const b = ix.lastByLength.get(last.length) ?? [];
          b.push(last);
          ix.lastByLength.set(last.length, b);
        }
        add(ix.byLast, last, i);
        add(ix.byFirst, fold(ws[0]!), i);
      }
      ix.starts.set(i, d.cands.map((c) => c.start).sort((a, b) => a - b));
    } else if (d.type === 'ORGANIZATION') {
      for (const ws of d.words) {
        if (ws.length < 2) continue;
        if (!ix.orgByFirst.has(fold(ws[0]!))) ix.orgByFirst.set(fold(ws[0]!), i);
        if (!ix.orgByInitials.has(initialsOf(ws))) ix.orgByInitials.set(initialsOf(ws), i);
      }
    }
  });
  return ix;
}

/** Latest value below `at` in a sorted array, or -1. */
function latestBefore(sorted: readonly number[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? sorted[lo - 1]! : -1;
}

/**
 * The person a single word names: last names before first words ("Biden", then "Xi" of Xi Jinping),
 * and among several (two Wangs) the one mentioned most recently, else the next one introduced.
 */
function pickPerson(ix: NameIndex, at: number, w: string, lastSeen: Map<number, number>): number {
  for (const pos of ['last', 'first'] as const) {
    let matches = (pos === 'last' ? ix.byLast : ix.byFirst).get(w) ?? [];
    if (matches.length === 0 && pos === 'last' && w.length >= 6) {
      const near = [w.length - 1, w.length, w.length + 1].flatMap((n) => ix.lastByLength.get(n) ?? []);
      const k = near.find((x) => sameName(x, w));
      if (k) matches = ix.byLast.get(k) ?? [];
    }
    if (matches.length === 0) continue;
    let best = -1;
    let bestAt = -1;
    for (const i of matches) {
      const seen = Math.max(lastSeen.get(i) ?? -1, latestBefore(ix.starts.get(i) ?? [], at));
      if (seen > bestAt) {
        bestAt = seen;
        best = i;
      }
    }
    if (best >= 0) return best;
    // nobody named yet: the first one named later
    let firstAfter = Infinity;
    for (const i of matches) {
      const s0 = ix.starts.get(i)?.[0] ?? Infinity;
      if (s0 < firstAfter) {
        firstAfter = s0;
        best = i;
      }
    }
    return best;
  }
  return -1;
}

/** Equal, or one letter apart in a long name ("Zelensky" / "Zelenskyy"). */
function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 6 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const [x, y] = a.length >= b.length ? [a, b] : [b, a];
  return x.slice(i + 1) === y.slice(a.length === b.length ? i + 1 : i);
}

function finish(text: string, tokens: readonly Token[], drafts: Draft[]): EntityTable {
  const entities: Entity[] = [];
  const mentions: ResolvedMention[] = [];
  const roles = new Map<number, Set<string>>();
  for (const d of drafts) {
    if (d.cands.length === 0) continue;
    const idx = entities.length;
    const fullest = [...d.cands].sort((a, b) => b.words.length - a.words.length || b.text.length - a.text.length)[0]!;
    const name = d.canonical ?? fullest.text.replace(/^The\s+/, '');
    const ms = [...d.cands].sort((a, b) => a.start - b.start);
    entities.push({ name, type: d.type, mentions: ms.map((c) => ({ text: text.slice(c.start, c.end), start: c.start, end: c.end })) });
    const rs = new Set<string>();
    for (const c of ms) {
      const t = tokens[c.first]!;
      mentions.push({ entity: idx, start: c.start, end: c.end, first: c.first, last: c.last, sent: t.sent, para: t.para, possessive: c.possessive });
      if (c.title) for (const w of c.title.split(' ')) if (ROLE_NOUNS.has(w.replace(/\.$/, ''))) rs.add(w);
      for (const r of nearbyRoles(tokens, c)) rs.add(r);
    }
    if (rs.size > 0) roles.set(idx, rs);
  }
  mentions.sort((a, b) => a.start - b.start);
  return { entities, mentions, roles };
}

/** Lower-case role nouns in an appositive right before or after the name ("China's minister of X, Wang"). */
function nearbyRoles(tokens: readonly Token[], c: NameCandidate): string[] {
  const out: string[] = [];
  const sent = tokens[c.first]!.sent;
  for (let k = c.first - 1; k >= Math.max(0, c.first - 7); k--) {
    const t = tokens[k]!;
    if (t.sent !== sent || t.text === '.' || /^["“”]$/.test(t.text)) break;
    if (ROLE_NOUNS.has(t.text.toLowerCase())) out.push(t.text.toLowerCase());
  }
  if (tokens[c.last]?.text === ',') {
    for (let k = c.last + 1; k < Math.min(tokens.length, c.last + 9); k++) {
      const t = tokens[k]!;
      if (t.sent !== sent || t.text === ',' || t.text === '.') break;
      if (ROLE_NOUNS.has(t.text.toLowerCase())) out.push(t.text.toLowerCase());
    }
  }
  return out;
}

import { givenNameGender } from '../lexicon/given-name.gender';
import type { NameCandidate } from './name.finder';

// Look-ups from a word to the people and organisations it may stand for, built once per text so
// that resolving each lone word costs no scan over all mentions.

export interface DraftLike {
  type: 'PERSON' | 'ORGANIZATION' | 'LOCATION';
  words: string[][];
  cands: NameCandidate[];
}

export const fold = (s: string): string => s.replace(/[’‘]/g, "'").toLowerCase();

export const initialsOf = (words: string[]): string =>
  words
    .filter((w) => /^\p{Lu}/u.test(w) && w !== 'The')
    .map((w) => w[0])
    .join('');

export interface NameIndex {
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

export function buildIndex(drafts: DraftLike[]): NameIndex {
  const ix: NameIndex = {
    byLast: new Map(),
    byFirst: new Map(),
    lastByLength: new Map(),
    starts: new Map(),
    orgByFirst: new Map(),
    orgByInitials: new Map(),
  };
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
        // "Rodrigo Paredes Villanueva" … "Paredes said": a name of two surnames is short for the first
        const paternal = paternalSurname(ws);
        if (paternal) add(ix.byLast, fold(paternal), i);
      }
      ix.starts.set(
        i,
        d.cands.map((c) => c.start).sort((a, b) => a - b),
      );
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

// the particles inside a family name ("Torres de la Cruz", "Ortega y Gasset")
const SURNAME_PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'da', 'do', 'dos', 'das', 'e']);

/**
 * The first of two family names, as Spanish and Portuguese names carry them ("Rodrigo Paredes
 * Villanueva", "Julio César Mamani Quispe", "Luis Alberto Torres de la Cruz"): the word before the
 * last, or before the particles of the last; in a name of three words never a given name ("John
 * Michael Smith" is not short for "Michael").
 */
function paternalSurname(ws: readonly string[]): string | null {
  if (ws.length < 3) return null;
  const particle = ws.findIndex((w, k) => k >= 2 && SURNAME_PARTICLES.has(w));
  const at = particle > 0 ? particle - 1 : ws.length - 2;
  const w = ws[at]!;
  if (at < 1 || !/^\p{Lu}\p{Ll}+$/u.test(w)) return null;
  // (after two given names, or before a particle, the word is a family name whatever else it is)
  if (particle < 0 && ws.length === 3 && givenNameGender(w) !== null) return null;
  return w;
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
 * and among several (two Wangs) the one a bare word has named so far, else the one mentioned most
 * recently (unless that mention stands in an appositive of another's, "Robert Price, grandson of
 * Leon Price"), else the next one introduced.
 */
export function pickPerson(
  ix: NameIndex,
  at: number,
  w: string,
  lastSeen: Map<number, number>,
  prefer?: (i: number) => boolean,
  inAppositiveOf?: (later: number, earlier: number) => boolean,
): number {
  for (const pos of ['last', 'first'] as const) {
    let matches = (pos === 'last' ? ix.byLast : ix.byFirst).get(w) ?? [];
    if (matches.length === 0 && pos === 'last' && w.length >= 6) {
      const near = [w.length - 1, w.length, w.length + 1].flatMap((n) => ix.lastByLength.get(n) ?? []);
      const k = near.find((x) => sameName(x, w));
      if (k) matches = ix.byLast.get(k) ?? [];
    }
    if (matches.length === 0) continue;
    // ("Dr. Achterberg-Lowe" of a daughter named "Dr. Claire Achterberg-Lowe" and a son without)
    if (prefer && matches.length > 1 && matches.some(prefer)) matches = matches.filter(prefer);
    // "Kerr" after "Simon Kerr" where a bare "Kerr" has so far always meant Daniel Kerr: a writer
    // names the second person of a surname in full because the bare surname is taken
    const owners = matches.length > 1 ? matches.filter((i) => lastSeen.has(i)) : [];
    if (owners.length === 1) return owners[0]!;
    let best = -1;
    let bestAt = -1;
    for (const i of matches) {
      const seen = Math.max(lastSeen.get(i) ?? -1, latestBefore(ix.starts.get(i) ?? [], at));
      if (seen > bestAt) {
        bestAt = seen;
        best = i;
      }
    }
    // "Robert Price, a great-grandson of co-founder Leon Price, said …; Price said": a name inside
    // another's appositive is not what the sentence is about
    if (best >= 0 && inAppositiveOf) {
      for (const i of matches) {
        const seen = Math.max(lastSeen.get(i) ?? -1, latestBefore(ix.starts.get(i) ?? [], at));
        if (i !== best && seen >= 0 && seen < bestAt && inAppositiveOf(bestAt, seen)) return i;
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

import type { EntityType } from '../types';
import type { Token } from '../text/tokens';
import type { NameCandidate } from './name.finder';
import {
  AUX_ADVERBS, COMPASS, CUE_VERBS, LOC_HEADS, NOT_NAME_STARTS, ORG_HEADS, ORG_ROLE_NOUNS, ORG_WORDS, OTHER_HEADS,
  PLACE_ROLES, ROLE_NOUNS, SENTENCE_STOP, TITLES,
} from '../lexicon/words';
import { FIRST_NAMES } from '../lexicon/first-names.data';

// Typing of names from their own words and their immediate context.

const TITLE_SET = new Set(TITLES.filter((t) => !t.includes(' ')).map((t) => t.replace(/\.$/, '')));
// weather systems and the like, capitalised like names
const NOT_NAMES = new Set(['el nino', 'el niño', 'la nina', 'la niña', 'gulf stream', 'milky way', 'big bang']);
// capitalised abbreviations that name no organisation
const NOT_ACRONYMS = new Set(['TV', 'VIP', 'CEO', 'CFO', 'COO', 'GDP', 'AI', 'OK', 'PM', 'AM', 'PR', 'HR', 'IT', 'ID', 'DNA', 'COVID', 'LGBT', 'LGBTQ', 'IPO', 'ETF', 'PC', 'VR', 'EV', 'EVs', 'SUV', 'MP', 'MPs', 'QC', 'KC', 'OBE', 'MBE', 'CBE', 'PhD', 'MD']);

export const isAcronym = (w: string): boolean => /^(?:\p{Lu}\.?){2,6}$/u.test(w) && !/^\p{Lu}\.?$/u.test(w);

/** Type of a name from its own words and title, or null when only context can tell (one plain word). */
export function classify(
  c: NameCandidate, lowerWords: ReadonlySet<string>, placeFirst: boolean, placeContext: boolean, orgFirst = false,
): EntityType | 'DROP' | null {
  if (c.known) return c.known.type;
  if (/^[DRI]-/.test(c.text)) return 'DROP'; // party and state of a US legislator: "D-N.Y.
  const lw = c.words.map((w) => w.toLowerCase().replace(/\.$/, ''));
  const last = lw[lw.length - 1] ?? '';
  if (lw.length > 1 && (OTHER_HEADS.has(last) || NOT_NAME_STARTS.has(lw[0]!) || NOT_NAMES.has(lw.join(' ')))) return 'DROP';
  // "Orange County Register", "Kansas City Star": a place word inside the name
  if (lw.slice(0, -1).some((w) => LOC_HEADS.has(w)) && !ORG_HEADS.has(last) && !LOC_HEADS.has(last)) return 'ORGANIZATION';
  // (a lone "Police" or "Parliament" is left to context: it is often just the common noun)
  if (lw.length > 1 && (ORG_HEADS.has(last) || lw.some((w) => ORG_WORDS.has(w)))) return 'ORGANIZATION';
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

export const lower = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');

/** "in X" and "the mayor of X" introduce places. */
export function inPlaceContext(tokens: readonly Token[], c: NameCandidate): boolean {
  const p = lower(tokens[c.first - 1]);
  if (p === 'in' || p === 'near') return true;
  return p === 'of' && PLACE_ROLES.has(lower(tokens[c.first - 2]));
}

// roles a company can hold as well as a person: "Tribune, the owner of the Chicago Tribune"
const SHARED_ROLES = new Set(['owner', 'partner', 'investor', 'source', 'sources', 'head', 'boss', 'chief', 'leader', 'host', 'manager', 'publisher', 'founder', 'candidate']);

/** "NetChoice, a trade group, ..." / "Reed, the chairman, ...": what the appositive says it is. */
export function appositiveRole(tokens: readonly Token[], c: NameCandidate): EntityType | null {
  if (lower(tokens[c.last]) !== ',' || !['a', 'an', 'the'].includes(lower(tokens[c.last + 1]))) return null;
  for (let k = c.last + 2; k < Math.min(tokens.length, c.last + 6); k++) {
    const w = lower(tokens[k]);
    if (w === ',' || w === '.') break;
    if (ORG_ROLE_NOUNS.has(w) || ORG_HEADS.has(w)) return 'ORGANIZATION';
    if (ROLE_NOUNS.has(w) && !SHARED_ROLES.has(w)) return 'PERSON';
  }
  return null;
}

export function nextWordIsCue(tokens: readonly Token[], c: NameCandidate): boolean {
  for (let k = c.last; k < Math.min(tokens.length, c.last + 3); k++) {
    const w = tokens[k]!.text.toLowerCase();
    if (CUE_VERBS.has(w)) return true;
    if (!AUX_ADVERBS.has(w)) return false;
  }
  return false;
}

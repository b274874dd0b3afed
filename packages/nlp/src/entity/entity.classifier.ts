import type { EntityType } from '../types';
import type { Token } from '../text/tokens';
import type { NameCandidate } from './name.finder';
import { ORG_HEADS, ORG_ROLE_NOUNS, ROLE_NOUNS } from '../lexicon/words';

// What the words around a name say of it (the model types names; these read an appositive).

export const isAcronym = (w: string): boolean => /^(?:\p{Lu}\.?){2,6}$/u.test(w) && !/^\p{Lu}\.?$/u.test(w);

export const lower = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');

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

import type { NameCandidate } from './name.finder';
import { fold } from './name.index';

// "the European Chemical Industry Council (Cefic)", "the Chamber of Minerals and Energy of Western
// Australia (CME)": the short form a text gives in brackets right after a name is that name's,
// whatever its letters (initials do not always match: "CME", "ECHA", "S&D").

const BRACKETED = /^ \(([\p{L}\p{N}&.-]{2,12})\)/u;

/**
 * The short forms the text gives in brackets after organisations' names, folded, to the index of
 * the name's draft (`draftOf` gives a candidate's draft, or a negative number for none).
 */
export function bracketedAliases(text: string, cands: readonly NameCandidate[], draftOf: (ci: number) => number): Map<string, number> {
  const out = new Map<string, number>();
  cands.forEach((c, ci) => {
    if (c.modelType !== 'ORGANIZATION' || c.words.length < 2) return;
    const d = draftOf(ci);
    const m = d >= 0 ? BRACKETED.exec(text.slice(c.end, c.end + 16)) : null;
    if (m && !out.has(fold(m[1]!))) out.set(fold(m[1]!), d);
  });
  return out;
}

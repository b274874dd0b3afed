import { fmix32 } from './hash32';
import type { Signature } from './minhash';

/**
 * Locality-sensitive hashing: the signature is cut into `bands` bands of `rows` values, and two
 * texts become candidates when all the rows of at least one band agree, which happens with
 * probability 1 − (1 − J^rows)^bands — a steep S-curve around (1/bands)^(1/rows). Each band's
 * key holds the band's number and a 64-bit hash of its rows (two 32-bit hashes), so a band
 * only meets the same band of another text.
 */
export function bandKeys(sig: Signature, bands: number, rows: number): string[] {
  if (bands * rows > sig.length) {
    throw new RangeError(`${bands} bands of ${rows} rows need a signature of ${bands * rows} values (got ${sig.length})`);
  }
  const keys: string[] = [];
  for (let band = 0; band < bands; band++) {
    let h1 = 0x3c6ef372 ^ band;
    let h2 = 0x5bd1e995 ^ band;
    for (let r = 0; r < rows; r++) {
      const v = sig[band * rows + r]!;
      h1 = fmix32((Math.imul(h1, 0x01000193) ^ v) | 0);
      h2 = fmix32((Math.imul(h2, 0x9e3779b1) + v) | 0);
    }
    keys.push(`${band}:${hex8(h1)}${hex8(h2)}`);
  }
  return keys;
}

/** The chance that two texts of Jaccard similarity `j` share at least one band. */
export function candidateProbability(j: number, bands: number, rows: number): number {
  return 1 - (1 - j ** rows) ** bands;
}

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

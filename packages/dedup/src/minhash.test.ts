import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMinHasher, signatureFromBytes, signatureToBytes, similarity } from './minhash';

/** Two sets of 2,000 values sharing `shared` of them: Jaccard = shared / (4000 − shared). */
function pair(shared: number): [Uint32Array, Uint32Array] {
  const a = Array.from({ length: 2000 }, (_, i) => i * 7919 + 1);
  const b = [...a.slice(0, shared), ...Array.from({ length: 2000 - shared }, (_, i) => 1e8 + i * 104729)];
  return [Uint32Array.from(a), Uint32Array.from(b)];
}

describe('MinHash', () => {
  const hasher = createMinHasher(126);

  it('is deterministic: every process computes the same signature', () => {
    const [a] = pair(0);
    expect([...createMinHasher(126).signature(a)]).toEqual([...hasher.signature(a)]);
    expect([...createMinHasher(126, 1).signature(a)]).not.toEqual([...hasher.signature(a)]);
  });

  it('does not depend on the order of the set', () => {
    const [a] = pair(0);
    expect([...hasher.signature(a.slice().reverse())]).toEqual([...hasher.signature(a)]);
  });

  it.each([
    [0, 0],
    [1000, 1 / 3],
    [1600, 1600 / 2400],
    [2000, 1],
  ])('estimates Jaccard similarity (%i shared → %f) within four standard errors', (shared, jaccard) => {
    const [a, b] = pair(shared);
    const est = similarity(hasher.signature(a), hasher.signature(b));
    const se = Math.sqrt((jaccard * (1 - jaccard)) / 126);
    expect(Math.abs(est - jaccard)).toBeLessThanOrEqual(4 * se + 1e-9);
  });

  it('similarity is symmetric, between 0 and 1, and 1 for a set with itself', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 200 }),
        fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 200 }),
        (xs, ys) => {
          const x = hasher.signature(Uint32Array.from(xs));
          const y = hasher.signature(Uint32Array.from(ys));
          expect(similarity(x, y)).toBe(similarity(y, x));
          expect(similarity(x, y)).toBeGreaterThanOrEqual(0);
          expect(similarity(x, y)).toBeLessThanOrEqual(1);
          expect(similarity(x, x)).toBe(1);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuses signatures of different sizes and a hasher of no size', () => {
    expect(() => similarity(new Uint32Array(2), new Uint32Array(3))).toThrow(RangeError);
    expect(() => createMinHasher(0)).toThrow(RangeError);
  });

  it('stores a signature as bytes and reads it back', () => {
    const sig = hasher.signature(pair(0)[0]);
    const bytes = signatureToBytes(sig);
    expect(bytes).toHaveLength(126 * 4);
    expect([...signatureFromBytes(bytes)]).toEqual([...sig]);
    expect(() => signatureFromBytes(new Uint8Array(5))).toThrow(RangeError);
  });
});

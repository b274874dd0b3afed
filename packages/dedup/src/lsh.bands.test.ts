import { describe, expect, it } from 'vitest';
import { bandKeys, candidateProbability } from './lsh.bands';

describe('bandKeys', () => {
  const sig = Uint32Array.from({ length: 12 }, (_, i) => i * 1_000_003);

  it('gives one key per band, numbered, the same for the same signature', () => {
    const keys = bandKeys(sig, 4, 3);
    expect(keys).toHaveLength(4);
    expect(keys.map((k) => k.split(':')[0])).toEqual(['0', '1', '2', '3']);
    expect(keys.every((k) => /^\d+:[0-9a-f]{16}$/.test(k))).toBe(true);
    expect(bandKeys(Uint32Array.from(sig), 4, 3)).toEqual(keys);
  });

  it('changes only the key of the band whose rows changed', () => {
    const other = Uint32Array.from(sig);
    other[4] = 42; // row 1 of band 1
    const [a, b] = [bandKeys(sig, 4, 3), bandKeys(other, 4, 3)];
    expect(a.filter((k, i) => k !== b[i])).toEqual([a[1]]);
  });

  it('keeps the same rows in different bands apart', () => {
    const flat = new Uint32Array(6).fill(7);
    const [first, second] = bandKeys(flat, 2, 3);
    expect(first!.slice(2)).not.toBe(second!.slice(2));
  });

  it('needs a signature of at least bands × rows values', () => {
    expect(() => bandKeys(sig, 5, 3)).toThrow(RangeError);
  });
});

describe('candidateProbability', () => {
  it('is an S-curve: near 0 for dissimilar texts, near 1 for copies, rising in between', () => {
    expect(candidateProbability(0.02, 42, 3)).toBeLessThan(0.001);
    expect(candidateProbability(0.8, 42, 3)).toBeGreaterThan(0.999999);
    const curve = [0.1, 0.2, 0.3, 0.4, 0.5].map((j) => candidateProbability(j, 42, 3));
    expect([...curve].sort((x, y) => x - y)).toEqual(curve);
  });
});

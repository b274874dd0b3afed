import { fmix32, splitmix32 } from './hash32';

export type Signature = Uint32Array;

/** The fixed family of hash functions: the same seed gives the same signatures everywhere, always. */
export interface MinHasher {
  readonly size: number;
  signature(shingles: Uint32Array): Signature;
}

/**
 * MinHash: for each of `size` hash functions, the least hash over the set. Two sets agree at one
 * position with probability equal to their Jaccard similarity, so the share of equal positions
 * estimates it (standard error √(J(1−J)/size)). Each function is h(x) = fmix32(a·x + b) with a
 * odd: a permutation of the 32-bit values, so no two shingles collide within one function.
 */
export function createMinHasher(size: number, seed = 0x6e657773): MinHasher {
  if (!Number.isInteger(size) || size <= 0) throw new RangeError(`a MinHash signature needs a positive whole size (got ${size})`);
  const next = splitmix32(seed);
  const a = new Int32Array(size);
  const b = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    a[i] = next() | 1;
    b[i] = next() | 0;
  }
  return {
    size,
    signature(shingles) {
      const sig = new Uint32Array(size).fill(0xffffffff);
      const n = shingles.length;
      for (let i = 0; i < size; i++) {
        const ai = a[i]!;
        const bi = b[i]!;
        let min = 0xffffffff;
        for (let j = 0; j < n; j++) {
          const v = fmix32((Math.imul(ai, shingles[j]!) + bi) | 0);
          if (v < min) min = v;
        }
        sig[i] = min;
      }
      return sig;
    },
  };
}

/** The share of positions where two signatures of one hasher agree: their Jaccard estimate. */
export function similarity(x: Signature, y: Signature): number {
  if (x.length !== y.length) throw new RangeError(`signatures of different sizes (${x.length} and ${y.length}) cannot be compared`);
  if (x.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === y[i]) same++;
  return same / x.length;
}

/** Little-endian bytes: how a signature is stored (Redis compares them 4 bytes at a time). */
export function signatureToBytes(sig: Signature): Buffer {
  const buf = Buffer.alloc(sig.length * 4);
  for (let i = 0; i < sig.length; i++) buf.writeUInt32LE(sig[i]!, i * 4);
  return buf;
}

export function signatureFromBytes(buf: Uint8Array): Signature {
  if (buf.length % 4 !== 0) throw new RangeError(`a stored signature is a whole number of 4-byte values (got ${buf.length} bytes)`);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.length);
  const sig = new Uint32Array(buf.length / 4);
  for (let i = 0; i < sig.length; i++) sig[i] = view.getUint32(i * 4, true);
  return sig;
}

import { describe, expect, it } from 'vitest';
import { createBatcher } from './bulk.batcher';

describe('createBatcher', () => {
  it('sends concurrent items in one flush and gives each caller its own result', async () => {
    const flushes: number[][] = [];
    const b = createBatcher<number, string>({ maxSize: 10, maxWaitMs: 5, flush: async (xs) => (flushes.push(xs), xs.map((x) => `r${x}`)) });
    const results = await Promise.all([1, 2, 3].map((x) => b.add(x)));
    expect(results).toEqual(['r1', 'r2', 'r3']);
    expect(flushes).toEqual([[1, 2, 3]]);
  });

  it('flushes as soon as a batch is full', async () => {
    const flushes: number[][] = [];
    const b = createBatcher<number, number>({ maxSize: 2, maxWaitMs: 60_000, flush: async (xs) => (flushes.push(xs), xs) });
    await Promise.all([b.add(1), b.add(2)]);
    expect(flushes).toEqual([[1, 2]]);
  });

  it('fails every item of a batch whose flush fails, and later batches still work', async () => {
    let fail = true;
    const b = createBatcher<number, number>({
      maxSize: 5,
      maxWaitMs: 1,
      flush: async (xs) => {
        if (fail) throw new Error('engine away');
        return xs;
      },
    });
    await expect(Promise.all([b.add(1), b.add(2)])).rejects.toThrow('engine away');
    fail = false;
    await expect(b.add(3)).resolves.toBe(3);
  });

  it('flushes what waits on close and then refuses new items', async () => {
    const flushes: number[][] = [];
    const b = createBatcher<number, number>({ maxSize: 100, maxWaitMs: 60_000, flush: async (xs) => (flushes.push(xs), xs) });
    const pending = b.add(7);
    await b.close();
    await expect(pending).resolves.toBe(7);
    await expect(b.add(8)).rejects.toThrow(/closed/);
  });
});

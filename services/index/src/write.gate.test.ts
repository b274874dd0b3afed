import { describe, expect, it, vi } from 'vitest';
import { createBackoff } from '@newsflow/runtime';
import { createWriteGate } from './write.gate';

describe('createWriteGate', () => {
  it('runs one bulk at a time', async () => {
    const gate = createWriteGate(createBackoff({ firstMs: 10, maxMs: 100, random: () => 0.5 }));
    let inFlight = 0;
    let most = 0;
    const write = async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return 'ok';
    };
    await Promise.all([1, 2, 3, 4].map(() => gate.run(write, () => false)));
    expect(most).toBe(1);
  });

  // On a clock of the test's own (the gate reads Date.now() and sleeps through its `sleep`), so
  // the pauses are exact and a loaded machine cannot stretch or squeeze them.
  it('pauses every later bulk after a throttled one, longer with each, and resumes after a clean one', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000 });
    try {
      const slept: number[] = [];
      const sleep = async (ms: number) => {
        slept.push(ms);
        vi.setSystemTime(Date.now() + ms);
      };
      const gate = createWriteGate(createBackoff({ firstMs: 40, maxMs: 1000, random: () => 0.5 }), sleep);
      const starts: number[] = [];
      const t0 = Date.now();
      const write = async () => void starts.push(Date.now() - t0);
      await gate.run(write, () => true); // throttled: pause 40 ms
      expect(gate.remainingMs()).toBe(40);
      await gate.run(write, () => true); // waits 40, then pause 80 ms
      await gate.run(write, () => false); // waits 80, clean
      await gate.run(write, () => false); // no wait
      expect(starts).toEqual([0, 40, 120, 120]);
      expect(slept).toEqual([40, 80]);
      expect(gate.remainingMs()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts a failed write (engine away) as trouble and passes the error on', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000 });
    try {
      const gate = createWriteGate(createBackoff({ firstMs: 50, maxMs: 1000, random: () => 0.5 }));
      await expect(
        gate.run(
          async () => Promise.reject(new Error('away')),
          () => false,
        ),
      ).rejects.toThrow('away');
      expect(gate.remainingMs()).toBe(50);
    } finally {
      vi.useRealTimers();
    }
  });
});

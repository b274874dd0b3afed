import { describe, expect, it } from 'vitest';
import { createBacklogGate } from './backlog.gate';

const fakeQueue = (counts: number[]) => {
  let calls = 0;
  return {
    calls: () => calls,
    getJobCountByTypes: async (...types: string[]) => {
      expect(types).toEqual(['waiting', 'prioritized', 'delayed']);
      return counts[Math.min(calls++, counts.length - 1)]!;
    },
  };
};

describe('backlog gate', () => {
  it('is full from maxAhead waiting jobs on, not below', async () => {
    const q = fakeQueue([499, 500]);
    const gate = createBacklogGate(q, 500, 0);
    expect(await gate.full()).toBe(false);
    expect(await gate.full()).toBe(true);
  });

  it('asks Redis at most once per recheck interval, however many jobs ask', async () => {
    const q = fakeQueue([10]);
    const gate = createBacklogGate(q, 5, 60_000);
    const answers = await Promise.all(Array.from({ length: 20 }, () => gate.full()));
    expect(answers.every(Boolean)).toBe(true);
    expect(q.calls()).toBe(1);
  });

  it('does not hold back when the count cannot be read', async () => {
    const gate = createBacklogGate({ getJobCountByTypes: () => Promise.reject(new Error('connection lost')) }, 1, 0);
    expect(await gate.full()).toBe(false);
  });
});

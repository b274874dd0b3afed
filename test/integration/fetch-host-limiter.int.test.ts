import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createHostLimiter, type HostLimiterOptions } from '@newsflow/service-fetch';
import { TEST_REDIS_URL, uniqueName, wipeRedisPrefix } from '../support/services';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('host limiter (Redis)', () => {
  let redis: Redis;
  const prefix = uniqueName('limiter');
  const limiter = (o: Partial<HostLimiterOptions> = {}) => createHostLimiter({ redis, prefix, concurrency: 2, ratePerSecond: 1000, leaseMs: 5000, ...o });
  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    await wipeRedisPrefix(prefix);
    redis.disconnect();
  });

  it('grants at most `concurrency` slots per host, and other hosts are unaffected', async () => {
    const l = limiter();
    // (A few ms apart: even 1,000 requests per second means one per millisecond.)
    const a = await l.acquire('busy.test', 'j1');
    await sleep(3);
    const b = await l.acquire('busy.test', 'j2');
    await sleep(3);
    const c = await l.acquire('busy.test', 'j3');
    expect([a.granted, b.granted, c.granted]).toEqual([true, true, false]);
    expect(!c.granted && c.waitMs).toBeGreaterThan(0);
    expect((await l.acquire('other.test', 'j4')).granted).toBe(true);
    if (a.granted) await a.release();
    // j3 holds a turn: it goes when it comes back, ahead of a newcomer.
    await sleep(c.granted ? 0 : c.waitMs + 5);
    expect((await l.acquire('busy.test', 'j3')).granted).toBe(true);
  });

  it('spaces starts by the rate, or by a longer crawl-delay, and hands out turns one interval apart', async () => {
    const l = limiter({ concurrency: 10, ratePerSecond: 10 });
    expect((await l.acquire('rate.test', 'r1')).granted).toBe(true);
    const turns: number[] = [];
    for (const w of ['r2', 'r3', 'r4']) {
      const slot = await l.acquire('rate.test', w);
      expect(slot.granted).toBe(false);
      if (!slot.granted) turns.push(Date.now() + slot.waitMs);
    }
    // Turns 100 ms apart (give or take the round trips' jitter), not all at the next opening.
    expect((turns[1] ?? 0) - (turns[0] ?? 0)).toBeGreaterThanOrEqual(70);
    expect((turns[2] ?? 0) - (turns[1] ?? 0)).toBeGreaterThanOrEqual(70);

    expect((await l.acquire('delay.test', 'd1', 300)).granted).toBe(true);
    const second = await l.acquire('delay.test', 'd2', 300);
    expect(!second.granted && second.waitMs).toBeGreaterThan(250);
  });

  it("frees a crashed worker's slot when its lease lapses", async () => {
    const l = limiter({ concurrency: 1, leaseMs: 300 });
    expect((await l.acquire('crash.test', 'c1')).granted).toBe(true); // never released
    expect((await l.acquire('crash.test', 'c2')).granted).toBe(false);
    await sleep(350);
    expect((await l.acquire('crash.test', 'c2')).granted).toBe(true);
  });

  it('holds a host back after a Retry-After', async () => {
    const l = limiter();
    await l.pushBack('later.test', 500);
    const slot = await l.acquire('later.test', 'l1');
    expect(!slot.granted && slot.waitMs).toBeGreaterThan(400);
  });
});

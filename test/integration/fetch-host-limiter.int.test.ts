import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createHostLimiter, type HostLimiterOptions } from '@newsflow/service-fetch';
import { delayedJobWaker } from '../../services/fetch/src/politeness/delayed-job.waker';
import { TEST_REDIS_URL, uniqueName, wipeRedisPrefix } from '../support/services';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('host limiter (Redis)', () => {
  let redis: Redis;
  const prefix = uniqueName('limiter');
  const limiter = (o: Partial<HostLimiterOptions> = {}) =>
    createHostLimiter({ redis, prefix, concurrency: 2, ratePerSecond: 1000, leaseMs: 5000, ...o });
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
    for (const w of ['r2', 'r3', 'r4']) expect((await l.acquire('rate.test', w)).granted).toBe(false);
    // The turns handed out, on Redis' clock (the waits as received would jitter by each reply's
    // delivery): 100 ms apart, not all at the next opening. (A stall between two calls only
    // pushes a turn later.)
    const line = await redis.zrange(`${prefix}:host:rate.test:line`, '0', '-1', 'WITHSCORES');
    const turns = Object.fromEntries(Array.from({ length: line.length / 2 }, (_, i) => [line[2 * i], Number(line[2 * i + 1])]));
    expect(Object.keys(turns).sort()).toEqual(['r2', 'r3', 'r4']);
    expect(turns.r3! - turns.r2!).toBeGreaterThanOrEqual(100);
    expect(turns.r4! - turns.r3!).toBeGreaterThanOrEqual(100);

    // A 2 s crawl-delay: the wait is what is left of it, however long the calls took.
    const t0 = Date.now();
    expect((await l.acquire('delay.test', 'd1', 2000)).granted).toBe(true);
    const second = await l.acquire('delay.test', 'd2', 2000);
    const elapsed = Date.now() - t0;
    expect(second.granted).toBe(false);
    expect(!second.granted && second.waitMs).toBeGreaterThanOrEqual(2000 - elapsed - 2);
  });

  it("frees a crashed worker's slot when its lease lapses", async () => {
    // (A lease long enough that no stall of a loaded machine lets it lapse between the first two calls.)
    const l = limiter({ concurrency: 1, leaseMs: 1000 });
    expect((await l.acquire('crash.test', 'c1')).granted).toBe(true); // never released
    expect((await l.acquire('crash.test', 'c2')).granted).toBe(false);
    await sleep(1050);
    expect((await l.acquire('crash.test', 'c2')).granted).toBe(true);
  });

  it('holds a host back after a Retry-After', async () => {
    const l = limiter();
    const t0 = Date.now();
    await l.pushBack('later.test', 2000);
    const slot = await l.acquire('later.test', 'l1');
    const elapsed = Date.now() - t0;
    expect(slot.granted).toBe(false);
    expect(!slot.granted && slot.waitMs).toBeGreaterThanOrEqual(2000 - elapsed - 2);
  });

  // Issue 16, item 9: after two slow responses a host's whole backlog kept the slow spacing, the
  // turns having been handed out from the request time then. Each request's end re-spaces the
  // front of the line from the request time now and wakes the waiters it moved up.
  it('paces a backlog by the request time now, not the one its turns were handed out with', async () => {
    const SLOW_MS = 500;
    const FAST_MS = 10;
    const BACKLOG = 10;
    const sleepers = new Map<string, (ms: number) => void>();
    const woken: string[] = [];
    const run = async (l: ReturnType<typeof limiter>, host: string, name: string, holdMs: number): Promise<number> => {
      for (let visits = 1; visits < 50; visits++) {
        const slot = await l.acquire(host, name);
        if (slot.granted) {
          await sleep(holdMs);
          await slot.release();
          return Date.now();
        }
        // Set aside like a delayed job, which a wake-up brings back sooner.
        await new Promise<void>((resolve) => {
          let timer = setTimeout(resolve, slot.waitMs);
          sleepers.set(name, (ms) => {
            clearTimeout(timer);
            timer = setTimeout(resolve, ms);
          });
        });
        sleepers.delete(name);
      }
      throw new Error(`${name} never got a slot`);
    };
    const scenario = async (wake: boolean) => {
      const host = `pace-${wake}.test`;
      const l = limiter({
        concurrency: 1,
        inlineWaitMs: 0,
        ...(wake ? { wake: async (w: string, ms: number) => void (woken.push(w), sleepers.get(w)?.(ms)) } : {}),
      });
      // Two slow responses: the host's request time is now SLOW_MS.
      await run(l, host, 'slow-1', SLOW_MS);
      await run(l, host, 'slow-2', SLOW_MS);
      // (a timer may fire a millisecond before its time by the wall clock: 499 was seen)
      expect(Number(await redis.get(`${prefix}:host:${host}:took`))).toBeGreaterThanOrEqual(SLOW_MS - 5);
      // A backlog arrives and gets its turns SLOW_MS apart; every response from now on is fast.
      const start = Date.now();
      const ends = await Promise.all(Array.from({ length: BACKLOG }, (_, i) => run(l, host, `${host}-b${i}`, FAST_MS)));
      return Math.max(...ends) - start;
    };
    const without = await scenario(false);
    const paced = await scenario(true);
    // Kept spacing: (BACKLOG - 1) × SLOW_MS = 4.5 s. Re-spaced: each fast response shortens the
    // moving average, so the whole backlog takes about 1.7 s (0.8 + 0.64 + … of SLOW_MS). Both runs
    // take the same steps, so a loaded machine adds about as much to each: their difference (2.8 s
    // here, none without re-spacing) is what is judged, not either one's wall time.
    expect(without).toBeGreaterThan((BACKLOG - 1) * SLOW_MS * 0.9);
    expect(without - paced).toBeGreaterThan(((BACKLOG - 1) * SLOW_MS) / 4);
    expect(new Set(woken).size).toBeGreaterThanOrEqual(BACKLOG - 2);
  }, 30_000);

  it('wakes a job set aside in the queue by shortening its delay, and leaves any other job alone', async () => {
    const queue = new Queue('fetch', { connection: redis, prefix });
    try {
      const wake = delayedJobWaker(queue);
      await queue.add('fetch', { v: 1 }, { jobId: 'set-aside', delay: 60_000 });
      await queue.add('fetch', { v: 1 }, { jobId: 'waiting' });
      await wake('set-aside', 50);
      // Due within the second now, not in a minute (BullMQ scores delayed jobs by time × 4096).
      const dueAt = Number(await redis.zscore(`${prefix}:fetch:delayed`, 'set-aside')) / 4096;
      expect(dueAt).toBeLessThan(Date.now() + 1000);
      expect((await queue.getJob('set-aside'))?.delay).toBe(50);
      await wake('waiting', 60_000); // not delayed: nothing to shorten
      await wake('gone', 10);
      expect(await (await queue.getJob('waiting'))?.getState()).toBe('waiting');
    } finally {
      await queue.close();
    }
  });
});

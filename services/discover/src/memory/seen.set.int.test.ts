import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL, uniqueName, wipeRedisPrefix } from '../../../../test/support/services';
import { createSeenSet } from './seen.set';

// On the real Redis: the scripts are the logic.
describe('the seen-set of a source', () => {
  const prefix = uniqueName('seen');
  const keys = { seen: `${prefix}:seen`, lastmod: `${prefix}:lastmod`, record: `${prefix}:record` };
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 2 });
    await redis.hset(keys.record, 'url', 'https://e.com/feed');
  });
  afterAll(async () => {
    redis?.disconnect();
    await wipeRedisPrefix(prefix);
  });

  it('new, then seen; moved only when the date is later than when it was enqueued; a date learnt silently', async () => {
    const seen = createSeenSet(redis, keys, 100);
    expect(
      await seen.classify([
        { id: 'a', changedAt: 10 },
        { id: 'b', changedAt: null },
      ]),
    ).toEqual(['new', 'new']);
    await seen.remember([
      { id: 'a', changedAt: 10 },
      { id: 'b', changedAt: null },
    ]);
    expect(
      await seen.classify([
        { id: 'a', changedAt: 10 },
        { id: 'a', changedAt: 9 },
        { id: 'b', changedAt: null },
      ]),
    ).toEqual(['seen', 'seen', 'seen']);
    expect(await seen.classify([{ id: 'b', changedAt: 50 }])).toEqual(['seen']);
    expect(
      await seen.classify([
        { id: 'a', changedAt: 11 },
        { id: 'b', changedAt: 51 },
      ]),
    ).toEqual(['moved', 'moved']);
  });

  it('stays within its bound, forgetting the URLs listed longest ago first', async () => {
    const k = { ...keys, seen: `${prefix}:seen2`, lastmod: `${prefix}:lastmod2` };
    const seen = createSeenSet(redis, k, 100);
    await seen.remember(Array.from({ length: 100 }, (_, i) => ({ id: `old-${i}`, changedAt: i })));
    // Still listed: refreshed now, so it outlives the others.
    await new Promise((r) => setTimeout(r, 5));
    await seen.classify([{ id: 'old-0', changedAt: 0 }]);
    await new Promise((r) => setTimeout(r, 5));
    await seen.remember(Array.from({ length: 30 }, (_, i) => ({ id: `new-${i}`, changedAt: 1000 + i })));
    expect(await redis.zcard(k.seen)).toBe(100);
    expect(await redis.hlen(k.lastmod)).toBe(100);
    expect(
      await seen.classify([
        { id: 'old-0', changedAt: 0 },
        { id: 'old-1', changedAt: 1 },
        { id: 'new-29', changedAt: 1029 },
      ]),
    ).toEqual(['seen', 'new', 'seen']);
  });

  it('writes nothing for a source removed meanwhile', async () => {
    const k = { seen: `${prefix}:seen3`, lastmod: `${prefix}:lastmod3`, record: `${prefix}:gone` };
    await createSeenSet(redis, k, 100).remember([{ id: 'x', changedAt: 1 }]);
    expect(await redis.exists(k.seen, k.lastmod)).toBe(0);
  });
});

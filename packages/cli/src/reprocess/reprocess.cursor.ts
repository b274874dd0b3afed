import type { RedisClient } from '@newsflow/runtime';

export interface ReprocessFilter {
  /** YYYY-MM-DD: articles dated (published, else fetched) on or after it. */
  since?: string;
  site?: string;
}

/** Where a reprocess run got to: the last document id done, per filter, so a rerun continues. */
export interface ReprocessCursor {
  get(): Promise<string | null>;
  set(lastId: string): Promise<void>;
  clear(): Promise<void>;
}

/**
 * One hash under the queue prefix, one field per filter (`{"since":…,"site":…}`): runs with
 * different filters keep their own place, and `redis-cli HGETALL` shows them all. No TTL: a
 * finished run's cursor is what keeps a rerun from enqueueing everything again.
 */
export function createReprocessCursor(redis: RedisClient, prefix: string, task: 'enrich', filter: ReprocessFilter): ReprocessCursor {
  const key = `${prefix}:reprocess:${task}:cursor`;
  const field = JSON.stringify({ since: filter.since ?? null, site: filter.site ?? null });
  return {
    async get() {
      return redis.hget(key, field);
    },
    async set(lastId) {
      await redis.hset(key, field, lastId);
    },
    async clear() {
      await redis.hdel(key, field);
    },
  };
}

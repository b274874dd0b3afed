import type { Redis } from 'ioredis';
import type { ArticleState, ArticleStatus, TraceEvent } from '@newsflow/contracts';

export interface StatusUpdate {
  url: string;
  state: ArticleState;
  stage: string | null;
  reason?: string | null;
  attempt?: number | null;
  event: TraceEvent;
}

export interface StatusStore {
  update(id: string, update: StatusUpdate): Promise<void>;
  get(id: string): Promise<ArticleStatus | null>;
}

const MAX_TRACE = 100;

/**
 * Each article's state and its trace (every stage's start, end, attempt and outcome) in Redis:
 * one hash and one capped list per article, with a TTL, so status survives job retention.
 */
export function createStatusStore(redis: Redis, prefix: string, ttlSeconds: number): StatusStore {
  const hashKey = (id: string) => `${prefix}:status:${id}`;
  const traceKey = (id: string) => `${prefix}:trace:${id}`;
  return {
    async update(id, u) {
      const fields: Record<string, string> = {
        url: u.url,
        state: u.state,
        stage: u.stage ?? '',
        reason: u.reason ?? '',
        attempt: u.attempt == null ? '' : String(u.attempt),
        updatedAt: u.event.at,
      };
      await redis
        .multi()
        .hset(hashKey(id), fields)
        .expire(hashKey(id), ttlSeconds)
        .rpush(traceKey(id), JSON.stringify(u.event))
        .ltrim(traceKey(id), -MAX_TRACE, -1)
        .expire(traceKey(id), ttlSeconds)
        .exec();
    },
    async get(id) {
      const [hash, trace] = await Promise.all([redis.hgetall(hashKey(id)), redis.lrange(traceKey(id), 0, -1)]);
      if (!hash.state) return null;
      return {
        id,
        url: hash.url ?? '',
        state: hash.state as ArticleState,
        stage: hash.stage || null,
        reason: hash.reason || null,
        attempt: hash.attempt ? Number(hash.attempt) : null,
        updatedAt: hash.updatedAt ?? '',
        trace: trace.map((t) => JSON.parse(t) as TraceEvent),
      };
    },
  };
}

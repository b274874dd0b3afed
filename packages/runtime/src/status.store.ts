import type { Redis } from 'ioredis';
import type { Config } from '@newsflow/config';
import type { ArticleState, ArticleStatus, TraceEvent } from '@newsflow/contracts';

export interface StatusUpdate {
  url: string;
  state: ArticleState;
  stage: string | null;
  reason?: string | null;
  attempt?: number | null;
  event: TraceEvent;
  /**
   * Events that happened before `event` and are not recorded yet, oldest first: the stage
   * runner folds a job's start into the write of its end when the job is quick (see
   * stage.runner.ts). They go into the trace ahead of `event`, in the same command.
   */
  earlier?: readonly TraceEvent[];
  /** Set by the index stage's success: where the article's document is. */
  documentId?: string;
}

export interface StatusStore {
  update(id: string, update: StatusUpdate): Promise<void>;
  get(id: string): Promise<ArticleStatus | null>;
}

const MAX_TRACE = 100;

/**
 * Each article's live state and its trace (every stage's start, end, attempt and outcome) in
 * Redis: one hash and one capped list per article, with a TTL, so status survives job retention.
 * Once an article is done its keys expire after `doneTtlSeconds`: the search document carries
 * the trace from then on (see `readArticleStatus`), so Redis memory follows what is in flight,
 * not everything ever crawled. Failed articles keep the full TTL: there is no document for them.
 */
export function createStatusStore(redis: Redis, prefix: string, ttlSeconds: number, doneTtlSeconds = ttlSeconds): StatusStore {
  const hashKey = (id: string) => `${prefix}:status:${id}`;
  const traceKey = (id: string) => `${prefix}:trace:${id}`;
  return {
    async update(id, u) {
      const ttl = u.state === 'done' ? doneTtlSeconds : ttlSeconds;
      const fields: Record<string, string> = {
        url: u.url,
        state: u.state,
        stage: u.stage ?? '',
        reason: u.reason ?? '',
        attempt: u.attempt == null ? '' : String(u.attempt),
        updatedAt: u.event.at,
        ...(u.documentId ? { documentId: u.documentId } : {}),
      };
      await redis
        .multi()
        .hset(hashKey(id), fields)
        .expire(hashKey(id), ttl)
        .rpush(traceKey(id), ...(u.earlier ?? []).map((e) => JSON.stringify(e)), JSON.stringify(u.event))
        .ltrim(traceKey(id), -MAX_TRACE, -1)
        .expire(traceKey(id), ttl)
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
        ...(hash.documentId ? { documentId: hash.documentId } : {}),
        updatedAt: hash.updatedAt ?? '',
        trace: trace.map((t) => JSON.parse(t) as TraceEvent),
      };
    },
  };
}

/** The status store as the configuration sets it up (prefix and both TTLs). */
export function statusStoreFor(redis: Redis, config: Pick<Config, 'redis' | 'store'>): StatusStore {
  return createStatusStore(redis, config.redis.prefix, config.store.statusTtlSeconds, config.store.doneStatusTtlSeconds);
}

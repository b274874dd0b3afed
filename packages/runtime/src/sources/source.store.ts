import type { Redis } from 'ioredis';
import { assertUrlFitsJob, normalizeArticleUrl, sourceIdFor, type PollResult, type Source, type SourceKind } from '@newsflow/contracts';

/** Every Redis key a source owns: removing the source removes them all. */
export function sourceKeys(prefix: string, id: string) {
  const base = `${prefix}:source:${id}`;
  return {
    record: base,
    /** Ids of the article URLs it listed, scored by when they were last listed (the seen-set). */
    seen: `${base}:seen`,
    /** The lastmod/updated each seen URL had when it was enqueued. */
    lastmod: `${base}:lastmod`,
    /** Per document read (feed, sitemap): its validators for conditional GET, and an index's children. */
    documents: `${base}:documents`,
    /** Held while a poll runs, so two polls of one source never overlap. */
    lock: `${base}:lock`,
  };
}

export interface SourceStore {
  /** Follows `url` (normalised), or sets the interval of a source already followed. */
  put(url: string, everyMs: number): Promise<{ source: Source; created: boolean }>;
  get(id: string): Promise<Source | null>;
  /** Every source, oldest first. */
  list(): Promise<Source[]>;
  /** Forgets the source and everything it remembered; false when there was none. */
  remove(id: string): Promise<boolean>;
  /** What a poll found and learnt; nothing is written when the source was removed meanwhile. */
  recordPoll(id: string, result: PollResult, learnt?: { kind?: SourceKind; endpoints?: string[] }): Promise<void>;
}

// HSET only when the record still exists: a poll finishing after `sources remove` must not
// bring back a half record.
const RECORD_POLL = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'lastPoll', ARGV[1])
redis.call('HINCRBY', KEYS[1], 'enqueuedTotal', ARGV[2])
if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'kind', ARGV[3]) end
if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'endpoints', ARGV[4]) end
return 1
`;

/** Sources in Redis: one hash each, and a sorted set of their ids by when they were added. */
export function createSourceStore(redis: Redis, prefix: string): SourceStore {
  const index = `${prefix}:sources`;

  const read = (id: string, h: Record<string, string>): Source | null => {
    if (!h.url) return null;
    return {
      id,
      url: h.url,
      kind: (h.kind || null) as SourceKind | null,
      everyMs: Number(h.everyMs),
      addedAt: h.addedAt ?? '',
      endpoints: h.endpoints ? (JSON.parse(h.endpoints) as string[]) : [],
      lastPoll: h.lastPoll ? (JSON.parse(h.lastPoll) as PollResult) : null,
      enqueuedTotal: Number(h.enqueuedTotal ?? 0),
    };
  };

  const store: SourceStore = {
    async put(raw, everyMs) {
      const url = normalizeArticleUrl(raw);
      assertUrlFitsJob(url, raw);
      const id = sourceIdFor(url);
      const key = sourceKeys(prefix, id).record;
      const addedAt = new Date().toISOString();
      const [[, created]] = (await redis
        .multi()
        .hsetnx(key, 'addedAt', addedAt)
        .hset(key, { url, everyMs: String(everyMs) })
        .zadd(index, 'NX', String(Date.now()), id)
        .exec()) as [[Error | null, number]];
      const source = await store.get(id);
      if (!source) throw new Error(`source ${id} vanished while it was being added`);
      return { source, created: created === 1 };
    },
    async get(id) {
      return read(id, await redis.hgetall(sourceKeys(prefix, id).record));
    },
    async list() {
      const ids = await redis.zrange(index, '0', '-1');
      if (ids.length === 0) return [];
      const multi = redis.multi();
      for (const id of ids) multi.hgetall(sourceKeys(prefix, id).record);
      const rows = (await multi.exec()) ?? [];
      return ids.flatMap((id, i) => {
        const s = read(id, (rows[i]?.[1] ?? {}) as Record<string, string>);
        return s ? [s] : [];
      });
    },
    async remove(id) {
      const k = sourceKeys(prefix, id);
      const [[, removed]] = (await redis.multi().zrem(index, id).del(k.record, k.seen, k.lastmod, k.documents).exec()) as [
        [Error | null, number],
      ];
      return removed === 1;
    },
    async recordPoll(id, result, learnt = {}) {
      await redis.eval(
        RECORD_POLL,
        1,
        sourceKeys(prefix, id).record,
        JSON.stringify(result),
        String(result.enqueued),
        learnt.kind ?? '',
        learnt.endpoints ? JSON.stringify(learnt.endpoints) : '',
      );
    },
  };
  return store;
}

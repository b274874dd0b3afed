import type { Redis } from 'ioredis';

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

/** The ETag and Last-Modified of each article's last full fetch, for conditional re-fetches. */
export interface ValidatorStore {
  get(id: string): Promise<Validators | null>;
  put(id: string, validators: Validators): Promise<void>;
}

// Long, not forever: a page not re-crawled for this long is fetched in full next time.
const TTL_SECONDS = 180 * 24 * 3600;

export function createValidatorStore(redis: Redis, prefix: string): ValidatorStore {
  const key = (id: string) => `${prefix}:validators:${id}`;
  return {
    async get(id) {
      const v = await redis.hgetall(key(id));
      if (!v.etag && !v.lastModified) return null;
      return { etag: v.etag || null, lastModified: v.lastModified || null };
    },
    async put(id, { etag, lastModified }) {
      if (!etag && !lastModified) {
        await redis.del(key(id));
        return;
      }
      await redis
        .multi()
        .del(key(id))
        .hset(key(id), { etag: etag ?? '', lastModified: lastModified ?? '' })
        .expire(key(id), TTL_SECONDS)
        .exec();
    },
  };
}

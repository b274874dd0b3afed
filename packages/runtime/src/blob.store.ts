import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Redis } from 'ioredis';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** What is stored between stages, per article id. */
export type BlobKind = 'page' | 'article' | 'enrichment';

export interface BlobStore {
  put<T>(kind: BlobKind, id: string, value: T): Promise<void>;
  get<T>(kind: BlobKind, id: string): Promise<T | null>;
  /** Lets an article's blobs expire soon once it is indexed, instead of after the full TTL. */
  expireSoon(id: string, seconds: number): Promise<void>;
}

/**
 * Page HTML and article data live in Redis, gzipped, with a TTL: every worker on every host can
 * read them without a shared volume, and memory stays bounded by what is in flight.
 */
export function createBlobStore(redis: Redis, prefix: string, ttlSeconds: number): BlobStore {
  const key = (kind: BlobKind, id: string) => `${prefix}:blob:${kind}:${id}`;
  return {
    async put(kind, id, value) {
      const packed = await gzipAsync(Buffer.from(JSON.stringify(value)));
      await redis.set(key(kind, id), packed, 'EX', ttlSeconds);
    },
    async get<T>(kind: BlobKind, id: string): Promise<T | null> {
      const packed = await redis.getBuffer(key(kind, id));
      if (!packed) return null;
      return JSON.parse((await gunzipAsync(packed)).toString('utf8')) as T;
    },
    async expireSoon(id, seconds) {
      const kinds: BlobKind[] = ['page', 'article', 'enrichment'];
      const multi = redis.multi();
      for (const kind of kinds) multi.expire(key(kind, id), seconds);
      await multi.exec();
    },
  };
}

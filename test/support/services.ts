import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The real services the integration tests run against (CI starts them; see .ci/run). */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEST_SEARCH_URL = process.env.SEARCH_URL ?? 'http://127.0.0.1:9200';
export const TEST_SEARCH_FLAVOR = (process.env.SEARCH_FLAVOR ?? 'opensearch') as 'opensearch' | 'elasticsearch';
export const TEST_NLP_URL = process.env.NLP_URL ?? 'http://127.0.0.1:9000';

/** A name no other test run uses: each test gets its own queue prefix and index alias. */
export function uniqueName(kind: string): string {
  return `nft-${kind}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** Deletes every Redis key under a test's prefix. */
export async function wipeRedisPrefix(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  try {
    await deleteKeys(redis, `${prefix}:*`);
  } finally {
    redis.disconnect();
  }
}

/** Deletes every key matching the pattern, a page at a time. */
export async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}

/** Polls `check` every `intervalMs` until it returns a value, failing after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
  intervalMs = 150,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
}

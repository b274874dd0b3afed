import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

// Deleted only by its holder: a poll that outlived its lock must not free the next poll's.
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * One poll of a source at a time, across every discover worker: a scheduled poll and a
 * `sources poll` meeting would otherwise read everything twice and enqueue in a race. The TTL
 * frees the lock of a worker that died mid-poll.
 */
export async function withPollLock<T>(
  redis: Redis,
  key: string,
  ttlMs: number,
  fn: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const token = randomUUID();
  if ((await redis.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') return { ran: false };
  try {
    return { ran: true, value: await fn() };
  } finally {
    await redis.eval(RELEASE, 1, key, token).catch(() => undefined);
  }
}

import { Redis } from 'ioredis';

export type RedisClient = Redis;

/**
 * Opens a Redis connection. BullMQ workers need `maxRetriesPerRequest: null` (blocking
 * commands must wait across reconnects); commands from the API fail fast instead (one retry,
 * two-second command timeout), so a missing Redis gives a quick 503 rather than a hung request.
 * Both reconnect forever: a service outlives a Redis restart.
 *
 * `one-shot` is for a CLI command that runs once: it connects only when `connect()` is called
 * and never reconnects, so an unreachable Redis is one rejected promise for the command to
 * report, not a retry loop emitting the same error until someone presses Ctrl-C.
 */
export function createRedisConnection(url: string, role: 'worker' | 'client' | 'one-shot', name = 'newsflow'): Redis {
  if (role === 'one-shot') {
    return new Redis(url, {
      connectionName: name,
      maxRetriesPerRequest: 1,
      commandTimeout: 2000,
      connectTimeout: 2000,
      retryStrategy: () => null,
      lazyConnect: true,
    });
  }
  return new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    ...(role === 'client' ? { commandTimeout: 2000, connectTimeout: 2000 } : {}),
    // Reconnect forever, backing off to 2 s: workers resume by themselves after a Redis restart.
    retryStrategy: (times) => Math.min(times * 100, 2000),
    lazyConnect: false,
  });
}

export class RedisPolicyError extends Error {
  override readonly name = 'RedisPolicyError';
}

/**
 * BullMQ loses jobs silently when Redis evicts keys under memory pressure. Refuse to run unless
 * the policy is `noeviction`. INFO is used rather than CONFIG GET because managed Redis
 * services often disable CONFIG.
 */
export async function assertNoEviction(redis: Redis): Promise<void> {
  const info = await redis.info('memory');
  const policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
  if (policy !== 'noeviction') {
    throw new RedisPolicyError(
      `Redis maxmemory-policy is "${policy ?? 'unknown'}"; newsflow needs "noeviction" so that queued jobs are never evicted. ` +
        'Fix it with `redis-cli CONFIG SET maxmemory-policy noeviction` (and in redis.conf), then start again.',
    );
  }
}

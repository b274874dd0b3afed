import { Redis } from 'ioredis';

export type RedisClient = Redis;

/**
 * Opens a Redis connection. BullMQ workers need `maxRetriesPerRequest: null` (blocking
 * commands must wait across reconnects); commands from the API and CLI fail fast instead
 * (one retry, two-second command timeout), so a missing Redis gives a quick 503 or error
 * rather than a hung request.
 */
export function createRedisConnection(url: string, role: 'worker' | 'client', name = 'newsflow'): Redis {
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

import type { Config } from '@newsflow/config';
import { createRedisConnection, type RedisClient } from '@newsflow/runtime';
import { UnreachableError } from './cli.errors';
import { displayAddress, networkReason } from './network.reason';

export interface RedisSession {
  redis: RedisClient;
  /**
   * `err` as the command should report it: an UnreachableError when the connection was lost
   * (whatever command failed because of it), else `err` itself.
   */
  explain(err: unknown): unknown;
  close(): Promise<void>;
}

/**
 * Connects to Redis for one CLI command, or throws UnreachableError saying in one line why it
 * cannot ("cannot reach Redis at redis://127.0.0.1:6379: connection refused"). The connection
 * never reconnects: a command has nothing to wait for, and ioredis' default retry loop would
 * print the same error until someone presses Ctrl-C.
 */
export async function openRedis(config: Config): Promise<RedisSession> {
  const address = displayAddress(config.redis.url, 6379);
  const redis = createRedisConnection(config.redis.url, 'one-shot', 'newsflow-cli');
  // The socket's error comes as an event; connect() itself only says "Connection is closed".
  let lastError: unknown = null;
  redis.on('error', (err) => (lastError = err));
  try {
    await redis.connect();
  } catch (err) {
    redis.disconnect();
    throw new UnreachableError(`cannot reach Redis at ${address}: ${networkReason(lastError ?? err)}`);
  }
  return {
    redis,
    explain(err) {
      if (redis.status !== 'end' && redis.status !== 'close') return err;
      return new UnreachableError(`lost the connection to Redis at ${address}: ${networkReason(lastError ?? err)}`);
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

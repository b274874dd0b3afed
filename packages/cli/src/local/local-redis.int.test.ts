import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './free-port';
import { isRedisUp, startLocalRedis } from './local-redis';

describe('local redis', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsflow-redis-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts redis-server on a free port with an append-only file, and stops it', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    expect(await isRedisUp(url)).toBe(false);

    const redis = await startLocalRedis({ port, dataDir });
    try {
      expect(redis.url).toBe(url);
      expect(await isRedisUp(url)).toBe(true);
      // appendonly yes: Redis 7 keeps the AOF in a folder, older ones in one file.
      expect(existsSync(join(dataDir, 'appendonlydir')) || existsSync(join(dataDir, 'appendonly.aof'))).toBe(true);

      // A second start finds it running and leaves it alone.
      const again = await startLocalRedis({ port, dataDir });
      await again.stop();
      expect(await isRedisUp(url)).toBe(true);
    } finally {
      await redis.stop();
    }
    expect(await isRedisUp(url)).toBe(false);
  }, 30_000);

  it('reports a closed port as down', async () => {
    expect(await isRedisUp(`redis://127.0.0.1:${await freePort()}`)).toBe(false);
  });

  it('fails with the server output when redis-server cannot start', async () => {
    const port = await freePort();
    await expect(
      startLocalRedis({ port, dataDir: join(dataDir, 'x'), redisServer: '/nonexistent/redis-server', startTimeoutMs: 5000 }),
    ).rejects.toThrow(/could not be spawned/);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import {
  closeQueueSet,
  createInFlightMarker,
  createQueueSet,
  createRedisConnection,
  createStatusStore,
  silentLogger,
  type QueueSet,
} from '@newsflow/runtime';
import type { ArticleIndex } from '@newsflow/search';
import { startLocalRedis, type LocalService } from '../../../packages/cli/src/local/local-redis';
import { freePort } from '../../../test/support/free-port';
import { buildApiApp } from './api.app';

// A Redis of its own (noeviction, as newsflow requires), made full on purpose: enqueueing is
// refused with a 503 that says why, and nothing is lost — no marker is left to answer a retry
// "in-flight" for a job that was never added, so the same URL is queued once Redis has room.
describe('POST /articles when Redis is full (maxmemory, noeviction)', () => {
  const prefix = 'nft-full';
  let dir: string;
  let server: LocalService;
  let redis: Redis;
  let queues: QueueSet;
  let app: FastifyInstance;

  /**
   * Makes every write fail with OOM: the limit is put at half of what Redis already uses. Not
   * "just under": client buffers are part of used_memory, and the INFO reply's own buffer is
   * freed once sent, so a limit a kilobyte under the figure read can be above the next reading
   * (a CI run took the write).
   */
  const fill = async () => {
    const used = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
    await redis.config('SET', 'maxmemory', String(Math.floor(used / 2)));
  };
  const makeRoom = () => redis.config('SET', 'maxmemory', '0');
  const post = (url: string) => app.inject({ method: 'POST', url: '/articles', payload: { url } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nf-redis-full-'));
    server = await startLocalRedis({ port: await freePort(), dataDir: dir });
    redis = createRedisConnection(server.url, 'client', 'newsflow-api-test');
    expect(await redis.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
    // Ballast (1 MB), so that half of what it uses is a megabyte under any reading during the test.
    await redis.set('ballast', 'x'.repeat(1024 * 1024));
    queues = createQueueSet(redis, prefix);
    app = buildApiApp({
      queues,
      inflight: createInFlightMarker(redis, prefix),
      status: createStatusStore(redis, prefix, 3600),
      articles: { alias: 'x', get: async () => null } as unknown as ArticleIndex,
      logger: silentLogger(),
      token: null,
      // As deployed: the rate limit counts in the same Redis, and lets requests through when it cannot.
      enqueueRate: { perMinute: 100, redis, prefix },
      ready: async () => ({ redis: true, search: true }),
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    if (queues) await closeQueueSet(queues);
    redis?.disconnect();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 with the reason and a Retry-After, writing nothing, then queues the URL once there is room', async () => {
    await makeRoom();
    const url = 'https://full.example.com/news/1';
    await fill();
    const keysBefore = await redis.dbsize();
    const refused = await post(url);
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toEqual({ error: expect.stringMatching(/Redis\) is full \(maxmemory reached\)/) });
    expect(refused.headers['retry-after']).toBe('60');
    expect(await redis.dbsize()).toBe(keysBefore);

    await makeRoom();
    const queued = await post(url);
    expect(queued.statusCode).toBe(202);
    expect(queued.json()).toMatchObject({ status: 'queued' });
    expect(await queues.fetch.getJob(queued.json<{ id: string }>().id)).toBeDefined();
  });

  it('leaves no in-flight marker when Redis fills up between the marker and the job', async () => {
    await makeRoom();
    const url = 'https://full.example.com/news/2';
    // The marker is written, then Redis is full by the time the job is added.
    const add = queues.fetch.add.bind(queues.fetch);
    queues.fetch.add = async (...args: Parameters<typeof add>) => {
      await fill();
      return add(...args);
    };
    try {
      const refused = await post(url);
      expect(refused.statusCode).toBe(503);
      expect(refused.json<{ error: string }>().error).toMatch(/is full/);
    } finally {
      queues.fetch.add = add;
      await makeRoom();
    }
    // The retry is queued, not answered "in-flight" for a job that does not exist.
    const retried = await post(url);
    expect(retried.statusCode).toBe(202);
    expect(retried.json()).toMatchObject({ status: 'queued' });
    expect(await queues.fetch.getJob(retried.json<{ id: string }>().id)).toBeDefined();
  });
});

import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { freePort } from '../../../test/support/free-port';
import { eventually, TEST_REDIS_URL, uniqueName, wipeRedisPrefix } from '../../../test/support/services';
import { PermanentError } from './errors';
import { listFailed, retryFailed } from './failed-jobs';
import { createInFlightMarker } from './inflight.marker';
import { createLogger, silentLogger } from './logger';
import { closeQueueSet, createQueueSet, enqueueArticle, type QueueSet } from './queue.set';
import { assertNoEviction, createRedisConnection, RedisPolicyError } from './redis.connection';
import { closeWorker, createStageWorker, type StageHandler } from './stage.runner';
import { createStatusStore, type StatusStore } from './status.store';
import { articleIdFor } from '@newsflow/contracts';

describe('stage runner on the real Redis', () => {
  const prefix = uniqueName('runner');
  let connection: Redis;
  let queues: QueueSet;
  let status: StatusStore;
  const workers: Worker[] = [];

  beforeAll(() => {
    connection = createRedisConnection(TEST_REDIS_URL, 'worker');
    queues = createQueueSet(connection, prefix);
    status = createStatusStore(connection, prefix, 3600);
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => closeWorker(w, 2000)));
  });
  afterAll(async () => {
    await closeQueueSet(queues);
    await connection.quit();
    await wipeRedisPrefix(prefix);
  });

  const run = <Q extends 'fetch' | 'extract'>(stage: Q, handler: StageHandler<Q>, logger = silentLogger()) => {
    const w = createStageWorker({
      stage,
      handler,
      connection,
      prefix,
      concurrency: 2,
      queues,
      status,
      inflight: createInFlightMarker(connection, prefix),
      logger,
    });
    workers.push(w);
    return w;
  };
  const enqueue = (url: string) => {
    const id = articleIdFor(url);
    return enqueueArticle(queues, createInFlightMarker(connection, prefix), { id, url }).then(() => id);
  };

  it('hands a finished job to the next stage, with the same id, and records the trace', async () => {
    const seen: string[] = [];
    run('fetch', async (p) => void seen.push(`fetch ${p.url}`));
    run('extract', async (p) => void seen.push(`extract ${p.url}`));
    const id = await enqueue('https://example.com/a');
    await eventually('extract to run', async () => seen.length === 2);
    expect(seen).toEqual(['fetch https://example.com/a', 'extract https://example.com/a']);
    const s = await eventually('status to reach enrich', async () => {
      const st = await status.get(id);
      return st?.stage === 'enrich' ? st : null;
    });
    expect(s.state).toBe('enriching'); // waiting for enrich, which no worker consumes here
    expect(s.trace.map((t) => `${t.stage}:${t.event}`)).toEqual([
      'fetch:started',
      'fetch:completed',
      'extract:started',
      'extract:completed',
    ]);
    expect(await queues.enrich.getJob(id)).toBeTruthy();
  });

  it('carries the source that enqueued the URL from stage to stage; a URL enqueued by hand has none', async () => {
    const source = { id: 'c'.repeat(32), url: 'https://example.com/feed.xml' };
    const seen: { stage: string; source: unknown }[] = [];
    run('fetch', async (p) => void seen.push({ stage: 'fetch', source: p.source }));
    run('extract', async (p) => void seen.push({ stage: 'extract', source: p.source }));
    const url = 'https://example.com/from-a-feed';
    const id = articleIdFor(url);
    await enqueueArticle(queues, createInFlightMarker(connection, prefix), { id, url, source });
    const byHand = await enqueue('https://example.com/by-hand');
    await eventually('both to reach enrich', async () => (await queues.enrich.getJob(id)) && (await queues.enrich.getJob(byHand)));
    expect(seen.filter((s) => s.source !== undefined)).toEqual([
      { stage: 'fetch', source },
      { stage: 'extract', source },
    ]);
    expect((await queues.enrich.getJob(id))!.data).toEqual({ v: 1, id, url, source });
    expect((await queues.enrich.getJob(byHand))!.data).not.toHaveProperty('source');
  });

  it('fails a permanent error at once, with its reason, and does not go on', async () => {
    let calls = 0;
    run('fetch', async () => {
      calls++;
      throw new PermanentError('https://example.com/b answered 404 Not Found', 'http-4xx');
    });
    const id = await enqueue('https://example.com/b');
    const s = await eventually('the failure', async () => ((await status.get(id))?.state === 'failed' ? status.get(id) : null));
    expect(s!.reason).toBe('https://example.com/b answered 404 Not Found');
    expect(calls).toBe(1);
    expect(await queues.extract.getJob(id)).toBeUndefined();
  });

  it('logs an expected refusal (blocked address, 404, robots.txt) at warn level without a stack, anything else at error', async () => {
    const lines: { level: number; msg: string; jobId?: string; err?: { stack?: string }; code?: string }[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(
          ...chunk
            .toString()
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as (typeof lines)[number]),
        );
        done();
      },
    });
    const failures: Record<string, PermanentError> = {
      'https://example.com/private': new PermanentError(
        'https://example.com/private resolves to 10.0.0.1, a private address',
        'blocked-address',
      ),
      'https://example.com/missing': new PermanentError('https://example.com/missing answered 404 Not Found', 'http-4xx'),
      'https://example.com/disallowed': new PermanentError('robots.txt disallows it', 'robots-disallowed'),
      'https://example.com/bug': new PermanentError('the document was refused by the mapping', 'index-rejected'),
    };
    run(
      'fetch',
      async (p) => {
        throw failures[p.url]!;
      },
      createLogger('info', {}, sink),
    );
    const ids = await Promise.all(Object.keys(failures).map(enqueue));
    await eventually('every failure', async () => (await Promise.all(ids.map((id) => status.get(id)))).every((s) => s?.state === 'failed'));
    await eventually('the log lines', async () => lines.filter((l) => /refused|failed/.test(l.msg)).length === 4, 5000, 50);
    const byUrl = (path: string) =>
      lines.find((l) => l.jobId === articleIdFor(`https://example.com/${path}`) && /refused|failed/.test(l.msg))!;
    for (const path of ['private', 'missing', 'disallowed']) {
      expect(byUrl(path), path).toMatchObject({ level: 40 });
      expect(JSON.stringify(byUrl(path)), path).not.toContain('"stack"');
    }
    expect(byUrl('private').code).toBe('blocked-address');
    expect(byUrl('bug')).toMatchObject({ level: 50, err: { stack: expect.any(String) } });
  });

  it('retries a transient error with backoff and then succeeds', async () => {
    let calls = 0;
    run('fetch', async () => {
      calls++;
      if (calls < 3) throw new Error('connection reset');
    });
    const id = await enqueue('https://example.com/c');
    await eventually('the job to reach extract', async () => (await queues.extract.getJob(id)) ?? null, 20_000);
    expect(calls).toBe(3);
    const s = await status.get(id);
    expect(s!.trace.filter((t) => t.event === 'retrying').map((t) => t.detail)).toEqual(['connection reset', 'connection reset']);
  });

  it('lists failed jobs with their reasons, and retries them with fresh attempts', async () => {
    let broken = true;
    run('fetch', async () => {
      if (broken) throw new PermanentError('https://example.com/d answered 503 for too long', 'http-5xx');
    });
    const id = await enqueue('https://example.com/d');
    await eventually('the failure', async () => (await status.get(id))?.state === 'failed');
    const failed = await listFailed(queues, ['fetch', 'extract']);
    expect(failed).toContainEqual(
      expect.objectContaining({
        id,
        stage: 'fetch',
        url: 'https://example.com/d',
        reason: 'https://example.com/d answered 503 for too long',
      }),
    );
    broken = false;
    const retried = await retryFailed({ queues, inflight: createInFlightMarker(connection, prefix), status }, ['fetch'], { id });
    expect(retried.map((r) => r.id)).toEqual([id]);
    await eventually('the retried job to reach extract', async () => (await queues.extract.getJob(id)) ?? null);
    expect((await listFailed(queues, ['fetch'])).map((f) => f.id)).not.toContain(id);
  });

  it('fails a payload that does not match the schema with a readable reason', async () => {
    run('fetch', async () => undefined);
    const job = await queues.fetch.add('fetch', { v: 1, id: 'not-an-id', url: 'x', requestedAt: 'yesterday' } as never, { attempts: 3 });
    const failed = await eventually('the failure', async () => {
      const j = await queues.fetch.getJob(job.id!);
      return j && (await j.getState()) === 'failed' ? j : null;
    });
    expect(failed.failedReason).toMatch(/invalid fetch job payload.*id/);
    expect(failed.attemptsMade).toBe(1);
  });
});

describe('assertNoEviction', () => {
  let server: ReturnType<typeof spawn> | null = null;
  let url = '';
  beforeAll(async () => {
    const port = await freePort();
    server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'allkeys-lru'],
      { stdio: 'ignore' },
    );
    url = `redis://127.0.0.1:${port}`;
    await eventually(
      'redis-server to start',
      async () => {
        const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
        r.on('error', () => undefined);
        try {
          await r.connect();
          return (await r.ping()) === 'PONG';
        } finally {
          r.disconnect();
        }
      },
      10_000,
    );
  });
  afterAll(() => {
    server?.kill();
  });

  it('refuses a Redis that may evict keys, saying how to fix it', async () => {
    const r = createRedisConnection(url, 'client');
    r.on('error', () => undefined);
    try {
      await expect(assertNoEviction(r)).rejects.toThrow(RedisPolicyError);
      await expect(assertNoEviction(r)).rejects.toThrow(/"allkeys-lru".*noeviction.*CONFIG SET maxmemory-policy noeviction/);
      await r.config('SET', 'maxmemory-policy', 'noeviction');
      await expect(assertNoEviction(r)).resolves.toBeUndefined();
    } finally {
      r.disconnect();
    }
  });
});

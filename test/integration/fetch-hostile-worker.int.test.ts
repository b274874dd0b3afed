import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceEvent } from '@newsflow/contracts';
import {
  closeQueueSet,
  createInFlightMarker,
  createQueueSet,
  createStatusStore,
  enqueueUrl,
  type QueueSet,
  type StatusStore,
} from '@newsflow/runtime';
import { startConnectionCounter, startHostileServer, type HostileServer } from '../support/hostile-server';
import { createStageProcess, type StageProcess } from '../support/stage-process';
import { TEST_REDIS_URL, TEST_SEARCH_URL, eventually, uniqueName, wipeRedisPrefix } from '../support/services';

/** Issue 5: each hostile case, run by a real fetch worker process, ends within this… */
const CASE_LIMIT_MS = 20_000;
/** …with the worker's peak RSS under this. */
const RSS_LIMIT_KB = 300 * 1024;

interface Lane {
  prefix: string;
  worker: StageProcess;
  queues: QueueSet;
  status: StatusStore;
  inflight: ReturnType<typeof createInFlightMarker>;
}

/**
 * The fetch stage as it runs in production — its own `newsflow start fetch` process on the real
 * Redis — against a local server that misbehaves: every case ends in its own named failure (or
 * success) within 20 s, and the worker's peak memory stays under 300 MB.
 */
describe('fetch worker process against a hostile server', () => {
  let redis: Redis;
  let server: HostileServer;
  let counter: Awaited<ReturnType<typeof startConnectionCounter>>;
  let logDir: string;
  let open: Lane; // FETCH_ALLOW_PRIVATE_NETWORKS=true: reaches the server on 127.0.0.1
  let guarded: Lane; // the default: private addresses refused

  const startLane = async (allowPrivate: boolean): Promise<Lane> => {
    const prefix = uniqueName('hostile');
    const worker = createStageProcess(
      'fetch',
      {
        REDIS_URL: TEST_REDIS_URL,
        SEARCH_URL: TEST_SEARCH_URL,
        QUEUE_PREFIX: prefix,
        LOG_LEVEL: 'warn',
        FETCH_ALLOW_PRIVATE_NETWORKS: String(allowPrivate),
        // Below the default 20 s so that the drip's deadline ends inside the case limit.
        FETCH_TIMEOUT_MS: '10000',
        // Politeness is tested elsewhere; here every case runs at once on one host.
        FETCH_HOST_CONCURRENCY: '16',
        FETCH_HOST_RATE: '100',
        FETCH_CONCURRENCY: '16',
      },
      join(logDir, allowPrivate ? 'open' : 'guarded'),
    );
    const queues = createQueueSet(redis, prefix);
    // Up once its BullMQ worker is registered on this lane's own queue.
    await worker.start(async () => (await queues.fetch.getWorkersCount()) > 0);
    return { prefix, worker, queues, status: createStatusStore(redis, prefix, 600), inflight: createInFlightMarker(redis, prefix) };
  };

  /** Enqueues a URL and waits for the end of its first fetch attempt: completed, retrying or failed. */
  const firstAttempt = async (lane: Lane, url: string) => {
    const started = Date.now();
    const { id } = await enqueueUrl(lane.queues, lane.inflight, lane.status, url);
    const end = await eventually(
      `the first fetch attempt of ${url}`,
      async () =>
        (await lane.status.get(id))?.trace.find(
          (e: TraceEvent) => e.stage === 'fetch' && e.event !== 'started' && e.event !== 'queued' && e.event !== 'postponed',
        ),
      CASE_LIMIT_MS + 5_000,
      100,
    );
    return { ms: Date.now() - started, event: end.event, detail: end.detail ?? '' };
  };

  beforeAll(async () => {
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 2 });
    logDir = mkdtempSync(join(tmpdir(), 'newsflow-hostile-'));
    counter = await startConnectionCounter();
    server = await startHostileServer('127.0.0.1', {
      loopback: `http://127.0.0.1:${counter.port}/admin`,
      metadata: 'http://169.254.169.254/latest/meta-data/',
      privateName: `http://intranet.test:${counter.port}/`,
    });
    [open, guarded] = await Promise.all([startLane(true), startLane(false)]);
  }, 90_000);

  afterAll(async () => {
    for (const lane of [open, guarded]) {
      if (!lane) continue;
      if (lane.worker.running()) {
        lane.worker.kill('SIGTERM');
        await lane.worker.exited();
      }
      await closeQueueSet(lane.queues);
      await wipeRedisPrefix(lane.prefix);
    }
    await server?.close();
    await counter?.close();
    redis?.disconnect();
    if (logDir) rmSync(logDir, { recursive: true, force: true });
  });

  const cases: [string, 'completed' | 'retrying' | 'failed', RegExp][] = [
    ['/gzip-bomb', 'failed', /larger than the 5242880-byte limit/],
    ['/endless', 'failed', /larger than the 5242880-byte limit/],
    ['/declared-huge', 'failed', /over the 5242880-byte limit/],
    ['/drip', 'retrying', /did not finish within 10000 ms/],
    ['/many-headers', 'failed', /response headers larger than the limit/],
    ['/loop-a', 'failed', /redirects in a loop/],
    ['/hop/0', 'failed', /redirected more than 5 times/],
    ['/pdf', 'failed', /is application\/pdf, not an HTML page/],
    ['/image', 'failed', /is image\/png, not an HTML page/],
    ['/404', 'failed', /answered 404/],
    ['/charset/windows-1252/header', 'completed', /ms$/],
    ['/charset/shift_jis/meta', 'completed', /ms$/],
    ['/charset/gb18030/gb2312-label', 'completed', /ms$/],
    ['/charset/utf-8/http-equiv', 'completed', /ms$/],
  ];

  it('ends every case in its own outcome within 20 s, with the worker under 300 MB', async () => {
    const results = await Promise.all(cases.map(async ([path]) => firstAttempt(open, server.origin + path)));
    const peakKb = open.worker.peakRssKb();
    cases.forEach(([path, event, detail], i) => {
      const r = results[i]!;
      expect({ path, event: r.event }).toEqual({ path, event });
      expect(r.detail, path).toMatch(detail);
      expect(r.ms, `${path} took ${r.ms} ms`).toBeLessThan(CASE_LIMIT_MS);
    });
    const slowest = cases.map(([path], i) => ({ path, ms: results[i]!.ms })).sort((a, b) => b.ms - a.ms)[0]!;
    console.info(
      `hostile cases: ${cases.length}, slowest ${slowest.path} in ${slowest.ms} ms; fetch worker peak RSS ${Math.round((peakKb ?? 0) / 1024)} MB`,
    );
    expect(peakKb).not.toBeNull();
    expect(peakKb!, `fetch worker peak RSS ${peakKb} kB`).toBeLessThan(RSS_LIMIT_KB);
    expect(open.worker.unexpectedExits()).toEqual([]);
  }, 60_000);

  it('refuses loopback and private targets by default, before any connection', async () => {
    const before = counter.count();
    const results = await Promise.all(
      [
        `http://127.0.0.1:${counter.port}/`,
        `http://[::ffff:127.0.0.1]:${counter.port}/`,
        `http://2130706433:${counter.port}/`,
        `http://localhost:${counter.port}/`,
      ].map((url) => firstAttempt(guarded, url)),
    );
    for (const r of results) {
      expect(r.event).toBe('failed');
      expect(r.detail).toMatch(/^refused: .*\(set FETCH_ALLOW_PRIVATE_NETWORKS=true to allow\)$/);
    }
    expect(counter.count() - before).toBe(0);
    expect(guarded.worker.peakRssKb()!).toBeLessThan(RSS_LIMIT_KB);
  }, 60_000);
});

// Test support for the fetch integration tests (not a test file): a local multi-address site
// server that records what a webmaster would see, and fetch workers wired as the fetch service
// wires them, on the real Redis and a unique prefix.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Worker } from 'bullmq';
import { loadConfig, type Config } from '@newsflow/config';
import {
  closeQueueSet,
  createBlobStore,
  createInFlightMarker,
  createQueueSet,
  createRedisConnection,
  createStageWorker,
  createStatusStore,
  enqueueUrl,
  silentLogger,
  type Closeable,
  type StageInfra,
  type StageHandler,
} from '@newsflow/runtime';
import { startFetchService } from '@newsflow/service-fetch';
import { TEST_REDIS_URL, uniqueName, wipeRedisPrefix } from './services';

export interface SeenRequest {
  host: string;
  path: string;
  at: number;
  headers: http.IncomingHttpHeaders;
}

export type SiteHandler = (req: http.IncomingMessage, res: http.ServerResponse, path: string) => void | Promise<void>;

export interface SiteServer {
  /** One origin per address given, in order ("http://127.0.0.2:PORT"). */
  origins: string[];
  requests: SeenRequest[];
  /** The most requests each host (host:port) ever had in flight at once. */
  maxInFlight: Map<string, number>;
  close(): Promise<void>;
}

/** One handler served on each loopback address (Linux routes all of 127/8 to lo), one port each. */
export async function startSiteServer(addresses: string[], handler: SiteHandler): Promise<SiteServer> {
  const requests: SeenRequest[] = [];
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  const servers: http.Server[] = [];
  const origins: string[] = [];
  for (const address of addresses) {
    const server = http.createServer((req, res) => {
      const host = req.headers.host ?? '';
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      requests.push({ host, path, at: Date.now(), headers: req.headers });
      const now = (inFlight.get(host) ?? 0) + 1;
      inFlight.set(host, now);
      maxInFlight.set(host, Math.max(maxInFlight.get(host) ?? 0, now));
      res.on('close', () => inFlight.set(host, (inFlight.get(host) ?? 1) - 1));
      Promise.resolve(handler(req, res, path)).catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, address, resolve));
    servers.push(server);
    origins.push(`http://${address}:${(server.address() as AddressInfo).port}`);
  }
  return {
    origins,
    requests,
    maxInFlight,
    close: async () => {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((r) => {
              s.closeAllConnections();
              s.close(() => r());
            }),
        ),
      );
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function htmlPage(title: string): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>Some text.</p></article></body></html>`;
}

export interface FetchRig {
  config: Config;
  infra: StageInfra;
  enqueue(url: string): Promise<string>;
  /** Runs a stand-in handler on another stage's queue through the real runner (for extract…index). */
  stageWorker(stage: 'extract' | 'enrich' | 'index', handler: StageHandler<'extract' | 'enrich' | 'index'>): void;
  stop(): Promise<void>;
}

/**
 * `processes` fetch services (each with its own Redis connection, as separate processes would
 * have) on one unique queue prefix. Private networks are allowed: the sites are on loopback.
 */
export async function startFetchRig(env: Record<string, string> = {}, processes = 1): Promise<FetchRig> {
  const config = loadConfig({
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: uniqueName('fetch'),
    LOG_LEVEL: 'silent',
    FETCH_ALLOW_PRIVATE_NETWORKS: 'true',
    FETCH_TIMEOUT_MS: '5000',
    SHUTDOWN_TIMEOUT_MS: '3000',
    ...env,
  });
  const closeables: Closeable[] = [];
  const connections: ReturnType<typeof createRedisConnection>[] = [];
  const infras: StageInfra[] = [];
  for (let i = 0; i < processes; i++) {
    const connection = createRedisConnection(config.redis.url, 'worker', `newsflow-test-fetch-${i}`);
    connections.push(connection);
    const prefix = config.redis.prefix;
    const infra: StageInfra = {
      config,
      logger: silentLogger(),
      connection,
      queues: createQueueSet(connection, prefix),
      status: createStatusStore(connection, prefix, 3600),
      blobs: createBlobStore(connection, prefix, 3600),
      inflight: createInFlightMarker(connection, prefix),
    };
    infras.push(infra);
    closeables.push(...startFetchService(infra));
  }
  const first = infras[0];
  if (first === undefined) throw new Error('at least one process');
  const extraWorkers: Worker[] = [];
  return {
    config,
    infra: first,
    async enqueue(url) {
      return (await enqueueUrl(first.queues, first.inflight, first.status, url)).id;
    },
    stageWorker(stage, handler) {
      extraWorkers.push(
        createStageWorker({
          stage,
          handler,
          connection: first.connection,
          prefix: config.redis.prefix,
          concurrency: 4,
          queues: first.queues,
          status: first.status,
          inflight: first.inflight,
          logger: first.logger,
        }),
      );
    },
    async stop() {
      await Promise.all(extraWorkers.map((w) => w.close(true)));
      for (const c of closeables) await c.close().catch(() => undefined);
      for (const infra of infras) await closeQueueSet(infra.queues).catch(() => undefined);
      for (const c of connections) await c.quit().catch(() => c.disconnect());
      await wipeRedisPrefix(config.redis.prefix);
    },
  };
}

/**
 * How late this process's event loop ran while the fetch tests measured: the site server and the
 * fetch workers share it, so a request the limiter granted reaches the server's handler late by
 * up to about this much (plus a few loop turns), and the arrival times the tests read jitter by it.
 * Measured in the run itself, so a busy machine widens the tolerance it needs, and only that.
 */
export function watchEventLoopLag(): { maxMs(): number; stop(): void } {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  return {
    maxMs: () => histogram.max / 1e6,
    stop: () => histogram.disable(),
  };
}

/**
 * The worst shortfall of a host's request starts against a minimum spacing: the largest
 * `(j - i) * intervalMs - (starts[j] - starts[i])` over every pair i < j of the sorted starts
 * (0 or less when every pair is at least that far apart). A limiter that spaces grants by the
 * interval lets arrivals that each come up to D late fall short by at most D, however many lie
 * between, so one late request cannot hide a rate that is not kept: ten requests 10 ms apart
 * fall short by 9 × (interval − 10) ms.
 */
export function spacingShortfallMs(starts: number[], intervalMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let worst = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) worst = Math.max(worst, (j - i) * intervalMs - (sorted[j]! - sorted[i]!));
  }
  return worst;
}

/**
 * The median gap between a host's sorted request starts: a late arrival shortens one gap and
 * lengthens the next, so the median keeps to the spacing the limiter granted, whatever the jitter.
 */
export function medianGapMs(starts: number[]): number {
  const sorted = [...starts].sort((a, b) => a - b);
  const gaps = sorted
    .slice(1)
    .map((t, i) => t - sorted[i]!)
    .sort((a, b) => a - b);
  if (gaps.length === 0) return Number.POSITIVE_INFINITY;
  const mid = Math.floor(gaps.length / 2);
  return gaps.length % 2 === 1 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2;
}

/**
 * Waits for `done` as long as the work moves: fails when `progress()` (e.g. the pages the site has
 * served) has not grown for the stall limit, which is `minStallMs` or, once the rate has been
 * measured, 20 times the mean gap between steps so far, whichever is longer. A loaded machine
 * makes the wait longer; work that stops still fails, after a bounded time.
 */
export async function whileProgressing(
  what: string,
  progress: () => number,
  done: () => Promise<boolean>,
  minStallMs = 15_000,
  pollMs = 100,
): Promise<void> {
  const started = Date.now();
  let seen = progress();
  let movedAt = started;
  let steps = 0;
  for (;;) {
    if (await done()) return;
    const now = Date.now();
    const p = progress();
    if (p > seen) {
      steps += p - seen;
      seen = p;
      movedAt = now;
    }
    const stallMs = Math.max(minStallMs, steps > 0 ? (20 * (movedAt - started)) / steps : 0);
    if (now - movedAt > stallMs) {
      throw new Error(`no progress for ${now - movedAt} ms waiting for ${what} (${seen} steps in ${movedAt - started} ms before that)`);
    }
    await sleep(pollMs);
  }
}

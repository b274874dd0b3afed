// Test support for the fetch integration tests (not a test file): a local multi-address site
// server that records what a webmaster would see, and fetch workers wired as the fetch service
// wires them, on the real Redis and a unique prefix.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { TEST_REDIS_URL, uniqueName, wipeRedisPrefix } from '../support/services';

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

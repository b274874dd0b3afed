import type { Config } from '@newsflow/config';
import {
  assertNoEviction,
  closeQueueSet,
  createBlobStore,
  createDiscoverQueue,
  createInFlightMarker,
  createLogger,
  createQueueSet,
  createRedisConnection,
  createPipelineMetrics,
  statusStoreFor,
  type Closeable,
  type Logger,
  type StageInfra,
} from '@newsflow/runtime';
import { createArticleIndex, createSearchEngine, type ArticleIndex, type SearchEnginePort } from '@newsflow/search';

export interface ProcessInfra {
  infra: StageInfra;
  engine: SearchEnginePort;
  articles: ArticleIndex;
  /**
   * What /readyz checks, by name: the parts this process needs to do work. Redis always;
   * a service adds what it alone needs when it starts (enrich: the NLP server).
   */
  ready: Record<string, () => Promise<boolean>>;
  /** Closed last, after the services: queues, Redis, the search client. */
  closeables: Closeable[];
}

/**
 * The composition root's shared half: one Redis connection (checked for noeviction), the queue
 * set, stores and the search engine, built once per process from the parsed config.
 */
export async function buildProcessInfra(config: Config, name: string, logger?: Logger): Promise<ProcessInfra> {
  const log = logger ?? createLogger(config.logLevel, { service: name });
  const connection = createRedisConnection(config.redis.url, 'worker', `newsflow-${name}`);
  connection.on('error', (err) => log.warn({ err: err.message }, 'redis connection error (retrying)'));
  try {
    await assertNoEviction(connection);
  } catch (err) {
    connection.disconnect();
    throw err;
  }
  const queues = createQueueSet(connection, config.redis.prefix);
  // Only read, for its depths in /metrics: whichever process is scraped shows every queue.
  const discover = createDiscoverQueue(connection, config.redis.prefix);
  const engine = createSearchEngine(config.search.flavor, {
    url: config.search.url,
    nodes: config.search.nodes,
    auth: config.search.auth,
    esMajor: config.search.esMajor,
  });
  const articles = createArticleIndex(engine, config.search.alias);
  const infra: StageInfra = {
    config,
    logger: log,
    connection,
    queues,
    status: statusStoreFor(connection, config),
    blobs: createBlobStore(connection, config.redis.prefix, config.store.ttlSeconds),
    inflight: createInFlightMarker(connection, config.redis.prefix),
    metrics: createPipelineMetrics({ queues, discover }),
  };
  return {
    infra,
    engine,
    articles,
    ready: { redis: async () => (await connection.ping()) === 'PONG' },
    closeables: [
      { name: 'queues', close: () => closeQueueSet(queues) },
      { name: 'discover queue', close: () => discover.close() },
      { name: 'redis', close: async () => void (await connection.quit().catch(() => connection.disconnect())) },
      { name: 'search client', close: () => engine.close() },
    ],
  };
}

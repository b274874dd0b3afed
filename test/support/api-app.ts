import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import {
  closeQueueSet,
  createInFlightMarker,
  createQueueSet,
  createStatusStore,
  silentLogger,
  type QueueSet,
  type StatusStore,
} from '@newsflow/runtime';
import { createArticleIndex, type ArticleIndex } from '@newsflow/search';
import type { ApiDeps } from '../../services/api/src/api.deps';
import { buildApiApp } from '../../services/api/src/api.app';
import { openTestEngine } from './test-engine';
import { TEST_REDIS_URL, TEST_SEARCH_FLAVOR, uniqueName, wipeRedisPrefix } from './services';

export interface RealApiApp {
  app: FastifyInstance;
  redis: Redis;
  prefix: string;
  queues: QueueSet;
  status: StatusStore;
  articles: ArticleIndex;
  close(): Promise<void>;
}

/**
 * The HTTP API on the real Redis and the real local engine, under its own queue prefix and index
 * alias (created empty); close() drops both. `statusTtl` / `doneStatusTtl` in seconds.
 */
export async function startRealApiApp(over: Partial<ApiDeps> & { statusTtl?: number; doneStatusTtl?: number } = {}): Promise<RealApiApp> {
  const { statusTtl = 3600, doneStatusTtl = statusTtl, ...deps } = over;
  const prefix = uniqueName('api');
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  const queues = createQueueSet(redis, prefix);
  const status = createStatusStore(redis, prefix, statusTtl, doneStatusTtl);
  const { engine, close: closeEngine } = await openTestEngine(TEST_SEARCH_FLAVOR);
  const articles = createArticleIndex(engine, uniqueName('idx-api'));
  await articles.ensure();
  const app = buildApiApp({
    queues,
    inflight: createInFlightMarker(redis, prefix),
    status,
    articles,
    logger: silentLogger(),
    token: null,
    ready: async () => ({ redis: true, search: await engine.ping() }),
    ...deps,
  });
  await app.ready();
  return {
    app,
    redis,
    prefix,
    queues,
    status,
    articles,
    async close() {
      await app.close();
      await closeQueueSet(queues);
      await articles.drop().catch(() => undefined);
      await closeEngine();
      redis.disconnect();
      await wipeRedisPrefix(prefix);
    },
  };
}

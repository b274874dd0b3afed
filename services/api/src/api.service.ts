import type { Closeable, StageInfra } from '@newsflow/runtime';
import {
  closeQueueSet,
  createDiscoverQueue,
  createInFlightMarker,
  createQueueSet,
  createRedisConnection,
  createSourceManager,
  createSourceSchedule,
  createSourceStore,
  statusStoreFor,
} from '@newsflow/runtime';
import type { ArticleIndex, SearchEnginePort } from '@newsflow/search';
import { buildApiApp } from './api.app';

/**
 * The API service. It uses its own fail-fast Redis connection (no offline queue), so that
 * requests get a 503 at once while Redis is away instead of hanging.
 */
export async function startApiService(infra: StageInfra, articles: ArticleIndex, engine: SearchEnginePort): Promise<Closeable[]> {
  const { config } = infra;
  const redis = createRedisConnection(config.redis.url, 'client', 'newsflow-api');
  redis.on('error', () => undefined); // reported through requests and /readyz
  const queues = createQueueSet(redis, config.redis.prefix);
  const status = statusStoreFor(redis, config);
  const discover = createDiscoverQueue(redis, config.redis.prefix);
  const app = buildApiApp({
    queues,
    inflight: createInFlightMarker(redis, config.redis.prefix),
    status,
    articles,
    logger: infra.logger,
    token: config.api.token,
    adminOpen: config.api.adminOpen,
    readsOpen: config.api.readsOpen,
    trustProxy: config.api.trustProxy,
    sources: createSourceManager({
      store: createSourceStore(redis, config.redis.prefix),
      schedule: createSourceSchedule(discover),
      minEveryMs: config.discover.minEveryMs,
    }),
    discover,
    enqueueRate: { perMinute: config.api.enqueueRatePerMinute, redis, prefix: config.redis.prefix },
    ...(infra.metrics ? { metrics: infra.metrics } : {}),
    ready: async () => ({
      redis: await redis.ping().then(
        () => true,
        () => false,
      ),
      search: await engine.ping(),
    }),
  });
  await app.listen({ host: config.api.host, port: config.api.port });
  infra.logger.info({ url: `http://${config.api.host}:${config.api.port}` }, 'api listening');
  return [
    { name: 'api http server', close: () => app.close() },
    { name: 'api queues', close: () => closeQueueSet(queues) },
    { name: 'api discover queue', close: () => discover.close() },
    { name: 'api redis', close: async () => void (await redis.quit().catch(() => redis.disconnect())) },
  ];
}

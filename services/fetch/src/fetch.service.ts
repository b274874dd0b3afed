import { closeWorker, createStageWorker, type Closeable, type StageInfra } from '@newsflow/runtime';
import { createFetchHandler } from './fetch.handler';
import { createPageFetcher } from './http';

/** The fetch stage: consumes `fetch`, produces `extract`. */
export function startFetchService(infra: StageInfra): Closeable[] {
  const { config } = infra;
  const fetcher = createPageFetcher({
    userAgent: config.fetch.userAgent,
    timeoutMs: config.fetch.timeoutMs,
    maxBytes: config.fetch.maxBytes,
    maxRedirects: config.fetch.maxRedirects,
    allowPrivateNetworks: config.fetch.allowPrivateNetworks,
  });
  const worker = createStageWorker({
    stage: 'fetch',
    handler: createFetchHandler({ fetcher, blobs: infra.blobs }),
    connection: infra.connection,
    prefix: config.redis.prefix,
    concurrency: config.concurrency.fetch,
    queues: infra.queues,
    status: infra.status,
    inflight: infra.inflight,
    logger: infra.logger,
    metrics: infra.metrics,
  });
  return [
    { name: 'fetch worker', close: () => closeWorker(worker, config.shutdownTimeoutMs) },
    { name: 'page fetcher', close: () => fetcher.close() },
  ];
}

import { closeWorker, createStageWorker, type Closeable, type StageInfra } from '@newsflow/runtime';
import { createEnrichHandler } from './enrich.handler';

/** The enrich stage: consumes `enrich`, produces `index`. */
export function startEnrichService(infra: StageInfra): Closeable[] {
  const { config } = infra;
  const worker = createStageWorker({
    stage: 'enrich',
    handler: createEnrichHandler({ blobs: infra.blobs }),
    connection: infra.connection,
    prefix: config.redis.prefix,
    concurrency: config.concurrency.enrich,
    queues: infra.queues,
    status: infra.status,
    inflight: infra.inflight,
    logger: infra.logger,
    metrics: infra.metrics,
  });
  return [{ name: 'enrich worker', close: () => closeWorker(worker, config.shutdownTimeoutMs) }];
}

import { closeWorker, createStageWorker, type Closeable, type StageInfra } from '@newsflow/runtime';
import { createExtractHandler } from './extract.handler';

/** The extract stage: consumes `extract`, produces `enrich`. CPU-bound: scale it by processes. */
export function startExtractService(infra: StageInfra): Closeable[] {
  const { config } = infra;
  const worker = createStageWorker({
    stage: 'extract',
    handler: createExtractHandler({ blobs: infra.blobs, dom: config.extract.dom }),
    connection: infra.connection,
    prefix: config.redis.prefix,
    concurrency: config.concurrency.extract,
    queues: infra.queues,
    status: infra.status,
    inflight: infra.inflight,
    logger: infra.logger,
  });
  return [{ name: 'extract worker', close: () => closeWorker(worker, config.shutdownTimeoutMs) }];
}

import { closeWorker, createStageWorker, type Closeable, type StageInfra } from '@newsflow/runtime';
import { createExtractHandler } from './extract.handler';
import { createExtractionPool } from './extraction.pool';

/** The extract stage: consumes `extract`, produces `enrich`. CPU-bound: one thread per concurrent job. */
export function startExtractService(infra: StageInfra): Closeable[] {
  const { config } = infra;
  const pool = createExtractionPool({
    threads: config.concurrency.extract,
    timeoutMs: config.extract.timeoutMs,
    maxMemoryMb: config.extract.maxMemoryMb,
  });
  const worker = createStageWorker({
    stage: 'extract',
    handler: createExtractHandler({ blobs: infra.blobs, pool, dom: config.extract.dom }),
    connection: infra.connection,
    prefix: config.redis.prefix,
    concurrency: config.concurrency.extract,
    queues: infra.queues,
    status: infra.status,
    inflight: infra.inflight,
    logger: infra.logger,
    metrics: infra.metrics,
  });
  return [
    { name: 'extract worker', close: () => closeWorker(worker, config.shutdownTimeoutMs) },
    { name: 'extraction threads', close: () => pool.close() },
  ];
}

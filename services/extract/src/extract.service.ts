import { startStageWorker, type Closeable, type StageInfra } from '@newsflow/runtime';
import { createExtractHandler } from './extract.handler';
import { createExtractionPool } from './extraction.pool';

/** The extract stage: consumes `extract`, produces `enrich`. CPU-bound: one thread per concurrent job. */
export function startExtractService(infra: StageInfra): Closeable[] {
  const { config } = infra;
  const pool = createExtractionPool({
    threads: config.concurrency.extract,
    timeoutMs: config.extract.timeoutMs,
    maxMemoryMb: config.extract.maxMemoryMb,
    recycleAfter: config.extract.recycleAfter,
  });
  const worker = startStageWorker(
    infra,
    'extract',
    createExtractHandler({ blobs: infra.blobs, pool, dom: config.extract.dom, keepPageSeconds: config.store.indexedTtlSeconds }),
    config.concurrency.extract,
  );
  return [worker, { name: 'extraction threads', close: () => pool.close() }];
}

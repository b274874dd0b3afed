import { startStageWorker, type Closeable, type StageInfra } from '@newsflow/runtime';
import { createExtractHandler } from './extract.handler';
import { createExtractionPool } from './extraction.pool';

/**
 * The extract stage: consumes `extract`, produces `enrich`. CPU-bound: one page a thread at a
 * time, and one job more than there are threads, so that the next page is read from Redis, and
 * the last article stored and handed on, while a thread extracts: one job at a time left the
 * thread idle through each job's Redis round trips, and extract is the pipeline's slowest stage.
 */
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
    config.concurrency.extract + 1,
  );
  return [worker, { name: 'extraction threads', close: () => pool.close() }];
}

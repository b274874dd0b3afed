import { startStageWorker, type Closeable, type StageInfra } from '@newsflow/runtime';
import { createEnrichHandler } from './enrich.handler';

/** The enrich stage: consumes `enrich`, produces `index`. */
export function startEnrichService(infra: StageInfra): Closeable[] {
  const { config } = infra;
  const worker = startStageWorker(infra, 'enrich', createEnrichHandler({ blobs: infra.blobs }), config.concurrency.enrich);
  return [worker];
}

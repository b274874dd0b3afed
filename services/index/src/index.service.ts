import type { ArticleDocument } from '@newsflow/contracts';
import { closeWorker, createStageWorker, type Closeable, type StageInfra } from '@newsflow/runtime';
import type { ArticleIndex, BulkItemResult } from '@newsflow/search';
import { createBatcher } from './bulk.batcher';
import { createIndexHandler } from './index.handler';

/** The index stage: consumes `index`, the last one. Many jobs run at once so that bulks fill up. */
export function startIndexService(infra: StageInfra, articles: ArticleIndex): Closeable[] {
  const { config } = infra;
  const bulk = createBatcher<ArticleDocument, BulkItemResult>({
    maxSize: config.index.batchSize,
    maxWaitMs: config.index.flushMs,
    flush: async (docs) => {
      const items = await articles.write(docs);
      const byId = new Map(items.map((i) => [i.id, i]));
      return docs.map((d) => byId.get(d.id) ?? { id: d.id, status: 500, error: { type: 'missing', reason: 'no bulk item for this document' } });
    },
  });
  const worker = createStageWorker({
    stage: 'index',
    handler: createIndexHandler({ blobs: infra.blobs, bulk, keepBlobsSeconds: 600 }),
    connection: infra.connection,
    prefix: config.redis.prefix,
    concurrency: config.concurrency.index,
    queues: infra.queues,
    status: infra.status,
    inflight: infra.inflight,
    logger: infra.logger,
  });
  return [
    { name: 'index worker', close: () => closeWorker(worker, config.shutdownTimeoutMs) },
    { name: 'bulk batcher', close: () => bulk.close() },
  ];
}

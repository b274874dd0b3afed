import type { ArticleDocument } from '@newsflow/contracts';
import { createRedisStoryIndex, createStoryAssigner, DEFAULT_STORY_PARAMS } from '@newsflow/dedup';
import { createBackoff, startStageWorker, type Closeable, type StageInfra } from '@newsflow/runtime';
import type { ArticleIndex, BulkItemResult } from '@newsflow/search';
import { createBatcher } from './bulk.batcher';
import { createIndexHandler } from './index.handler';
import { createWriteGate } from './write.gate';

/** The index stage: consumes `index`, the last one. Many jobs run at once so that bulks fill up. */
export function startIndexService(infra: StageInfra, articles: ArticleIndex): Closeable[] {
  const { config, logger } = infra;
  // One gate for the process: while the engine is away or throttling, jobs are put off and
  // bulk requests wait out one shared pause, so the write rate backs off as a whole.
  const gate = createWriteGate(createBackoff({ firstMs: 500, maxMs: 30_000 }));
  const bulk = createBatcher<ArticleDocument, BulkItemResult>({
    maxSize: config.index.batchSize,
    maxWaitMs: config.index.flushMs,
    flush: async (docs) => {
      const items = await gate.run(
        () => articles.write(docs),
        (result) => result.some((i) => i.status === 429),
      );
      const throttled = items.filter((i) => i.status === 429).length;
      if (throttled > 0) {
        logger.warn({ throttled, of: docs.length, pauseMs: gate.remainingMs() }, 'bulk throttled by the search engine (429)');
      }
      const byId = new Map(items.map((i) => [i.id, i]));
      return docs.map(
        (d) => byId.get(d.id) ?? { id: d.id, status: 500, error: { type: 'missing', reason: 'no bulk item for this document' } },
      );
    },
  });
  // Copies of one story are found through Redis (LSH band keys), whichever index process saw the first.
  const stories = createStoryAssigner(
    createRedisStoryIndex({
      redis: infra.connection,
      prefix: config.redis.prefix,
      params: DEFAULT_STORY_PARAMS,
      windowSeconds: config.index.storyWindowSeconds,
    }),
  );
  const handler = createIndexHandler({
    blobs: infra.blobs,
    bulk,
    status: infra.status,
    gate,
    keepBlobsSeconds: config.store.indexedTtlSeconds,
    stories,
  });
  const worker = startStageWorker(infra, 'index', handler, config.concurrency.index);
  return [worker, { name: 'bulk batcher', close: () => bulk.close() }];
}

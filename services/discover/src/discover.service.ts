import { discoverJob } from '@newsflow/contracts';
import { createHostLimiter, createPageFetcher, createRobotsPolicy } from '@newsflow/fetcher';
import { createSourceStore, enqueueUrl, sourceKeys, startJobWorker, type Closeable, type StageInfra } from '@newsflow/runtime';
import { createDiscoverHandler } from './discover.handler';
import { createDocumentMemo } from './memory/document.memo';
import { withPollLock } from './memory/poll.lock';
import { createSeenSet } from './memory/seen.set';
import { createPoliteGetter } from './read/polite.getter';

// Longer than any poll should take (DISCOVER_MAX_DOCUMENTS documents, each within its deadline
// in practice); only a worker that died mid-poll leaves it to lapse.
const POLL_LOCK_MS = 30 * 60_000;

/** The discover stage: consumes `discover` (source polls), produces `fetch` jobs through the shared enqueue. */
export function startDiscoverService(infra: StageInfra): Closeable[] {
  const { config, connection } = infra;
  const prefix = config.redis.prefix;
  // Its own instance of the one guarded client (and the same robots.txt cache and host limits
  // in Redis as fetch): a poll's long sitemap never holds a fetch worker's connections.
  const fetcher = createPageFetcher(config.fetch);
  const robots = createRobotsPolicy({ redis: connection, prefix, fetcher, ignoreHosts: config.fetch.ignoreRobotsHosts });
  const limiter = createHostLimiter({
    redis: connection,
    prefix,
    concurrency: config.fetch.hostConcurrency,
    ratePerSecond: config.fetch.hostRate,
    leaseMs: 2 * config.discover.timeoutMs + 10_000,
  });
  const get = createPoliteGetter({ fetcher, robots, limiter, timeoutMs: config.discover.timeoutMs });
  const handler = createDiscoverHandler({
    sources: createSourceStore(connection, prefix),
    exclusive: (sourceId, fn) => withPollLock(connection, sourceKeys(prefix, sourceId).lock, POLL_LOCK_MS, fn),
    pollerFor(source, logger) {
      const keys = sourceKeys(prefix, source.id);
      return {
        get,
        robotsSitemaps: (url) => robots.sitemaps(url),
        seen: createSeenSet(connection, keys, config.discover.seenMax),
        memo: createDocumentMemo(connection, keys),
        // Each URL carries its source down the pipeline, into its article's document.
        enqueue: async (url) =>
          (await enqueueUrl(infra.queues, infra.inflight, infra.status, url, { id: source.id, url: source.url })).outcome,
        limits: {
          maxBytes: config.discover.maxBytes,
          maxFeedBytes: config.discover.maxFeedBytes,
          maxNewPerPoll: config.discover.maxNewPerPoll,
          maxDocuments: config.discover.maxDocuments,
          maxCounted: config.discover.seenMax,
        },
        logger,
      };
    },
  });
  const worker = startJobWorker(infra, discoverJob, handler, config.concurrency.discover);
  return [worker, { name: 'discover fetcher', close: () => fetcher.close() }];
}

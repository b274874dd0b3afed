import { startStageWorker, type Closeable, type StageInfra } from '@newsflow/runtime';
import { createFetchHandler } from './fetch.handler';
import { createHostLimiter, createPageFetcher, createRobotsPolicy } from '@newsflow/fetcher';
import { createValidatorStore } from './politeness/validator.store';
import { delayedJobWaker } from './politeness/delayed-job.waker';

/** The fetch stage: consumes `fetch`, produces `extract` (or ends an unchanged article). */
export function startFetchService(infra: StageInfra): Closeable[] {
  const { config, connection } = infra;
  const prefix = config.redis.prefix;
  const fetcher = createPageFetcher(config.fetch);
  const handler = createFetchHandler({
    fetcher,
    blobs: infra.blobs,
    robots: createRobotsPolicy({ redis: connection, prefix, fetcher, ignoreHosts: config.fetch.ignoreRobotsHosts }),
    limiter: createHostLimiter({
      redis: connection,
      prefix,
      concurrency: config.fetch.hostConcurrency,
      ratePerSecond: config.fetch.hostRate,
      // A slot outlives the longest hold (a robots.txt read and the page, each up to the
      // deadline), so only a crashed worker's slot ever lapses.
      leaseMs: 2 * config.fetch.timeoutMs + 10_000,
      // Jobs set aside for a turn come back sooner when the host speeds up.
      wake: delayedJobWaker(infra.queues.fetch),
    }),
    validators: createValidatorStore(connection, prefix),
    status: infra.status,
  });
  const worker = startStageWorker(infra, 'fetch', handler, config.concurrency.fetch);
  return [worker, { name: 'page fetcher', close: () => fetcher.close() }];
}

import { startStageWorker, type Closeable, type StageInfra } from '@newsflow/runtime';
import { createFetchHandler } from './fetch.handler';
import { createPageFetcher } from './http';
import { createHostLimiter } from './politeness/host.limiter';
import { createRobotsPolicy } from './politeness/robots.policy';
import { createValidatorStore } from './politeness/validator.store';

/** The fetch stage: consumes `fetch`, produces `extract` (or ends an unchanged article). */
export function startFetchService(infra: StageInfra): Closeable[] {
  const { config, connection } = infra;
  const prefix = config.redis.prefix;
  const fetcher = createPageFetcher({
    userAgent: config.fetch.userAgent,
    timeoutMs: config.fetch.timeoutMs,
    maxBytes: config.fetch.maxBytes,
    maxRedirects: config.fetch.maxRedirects,
    allowPrivateNetworks: config.fetch.allowPrivateNetworks,
  });
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
    }),
    validators: createValidatorStore(connection, prefix),
    status: infra.status,
  });
  const worker = startStageWorker(infra, 'fetch', handler, config.concurrency.fetch);
  return [
    worker,
    { name: 'page fetcher', close: () => fetcher.close() },
  ];
}

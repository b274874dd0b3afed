import type { Config } from '@newsflow/config';
import { STAGES } from '@newsflow/contracts';
import {
  closeQueueSet,
  createBlobStore,
  createInFlightMarker,
  createQueueSet,
  createRedisConnection,
  statusStoreFor,
  type QueueSet,
  type RedisClient,
} from '@newsflow/runtime';
import { createSearchEngine, type SearchEnginePort } from '@newsflow/search';
import { configFromEnv } from '../process/config.loader';
import { reprocessEnrich } from '../reprocess/enrich.reprocessor';
import { createProgressLine, describeSummary } from '../reprocess/progress.line';
import { createReprocessCursor } from '../reprocess/reprocess.cursor';

export interface ReprocessEnrichCommandOptions {
  since?: string;
  site?: string;
  restart?: boolean;
}

const USAGE = 2;
/** Redis or the search engine cannot be reached (as `newsflow enrich` when the NLP server cannot). */
const UNREACHABLE = 3;
/** Stopped by Ctrl-C (128 + SIGINT): the cursor keeps the place. */
const INTERRUPTED = 130;

/**
 * `newsflow reprocess enrich [--since DATE] [--site S] [--restart]`: enrichment again on indexed
 * articles, from their stored text, through the running enrich and index services.
 */
export async function reprocessEnrichCommand(opts: ReprocessEnrichCommandOptions): Promise<number> {
  if (opts.since !== undefined && !isIsoDate(opts.since)) {
    process.stderr.write(`newsflow: --since must be an ISO 8601 date, YYYY-MM-DD (got "${opts.since}")\n`);
    return USAGE;
  }
  if (opts.site !== undefined && opts.site.trim() === '') {
    process.stderr.write('newsflow: --site needs a site, such as example.com\n');
    return USAGE;
  }
  const config = configFromEnv();
  const redis = createRedisConnection(config.redis.url, 'client', 'newsflow-cli');
  redis.on('error', () => undefined);
  const engine = createSearchEngine(config.search.flavor, { url: config.search.url, auth: config.search.auth });
  let queues: QueueSet | undefined;
  const stop = new AbortController();
  const onSigint = () => stop.abort();
  process.once('SIGINT', onSigint);
  const line = createProgressLine(process.stderr);
  try {
    const away = await unreachable(config, redis, engine);
    if (away) {
      process.stderr.write(`newsflow: ${away}\n`);
      return UNREACHABLE;
    }
    if (!(await engine.aliasExists(config.search.alias))) {
      process.stderr.write(`newsflow: there is no articles index "${config.search.alias}" (SEARCH_INDEX) at ${config.search.url}: nothing to reprocess\n`);
      return 1;
    }
    queues = createQueueSet(redis, config.redis.prefix);
    // Redis going away part-way is reported once, below, not as every queue's error event.
    for (const stage of STAGES) queues[stage].on('error', () => undefined);
    const filter = { ...(opts.since ? { since: opts.since } : {}), ...(opts.site ? { site: opts.site.trim() } : {}) };
    const started = performance.now();
    const summary = await reprocessEnrich(
      {
        engine,
        alias: config.search.alias,
        queues,
        blobs: createBlobStore(redis, config.redis.prefix, config.store.ttlSeconds),
        inflight: createInFlightMarker(redis, config.redis.prefix),
        status: statusStoreFor(redis, config),
        cursor: createReprocessCursor(redis, config.redis.prefix, 'enrich', filter),
      },
      {
        ...filter,
        restart: opts.restart === true,
        signal: stop.signal,
        onProgress: (p) => line.update(p),
        onSkip: (id, reason) => {
          line.end();
          process.stderr.write(`skipped ${id}: ${reason}\n`);
        },
      },
    );
    line.end();
    process.stderr.write(`${describeSummary(summary, (performance.now() - started) / 1000)}\n`);
    return summary.interrupted ? INTERRUPTED : 0;
  } catch (err) {
    line.end();
    // A failure part-way is most often Redis or the engine going away: say so in one line.
    const away = await unreachable(config, redis, engine);
    if (!away) throw err;
    process.stderr.write(`newsflow: ${away} (the next run continues where this one stopped)\n`);
    return UNREACHABLE;
  } finally {
    process.off('SIGINT', onSigint);
    if (queues) await closeQueueSet(queues).catch(() => undefined);
    await redis.quit().catch(() => redis.disconnect());
    await engine.close();
  }
}

/** YYYY-MM-DD, and a day that exists. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** What cannot be reached, in words, or null when both answer. */
async function unreachable(config: Config, redis: RedisClient, engine: SearchEnginePort): Promise<string | null> {
  const [redisUp, engineUp] = await Promise.all([
    withTimeout(redis.ping().then((r) => r === 'PONG'), 3000),
    withTimeout(engine.ping(), 5000),
  ]);
  if (!redisUp) return `Redis at ${redisAddress(config.redis.url)} (REDIS_URL) does not answer`;
  if (!engineUp) return `the search engine at ${config.search.url} (SEARCH_URL) does not answer`;
  return null;
}

async function withTimeout(check: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([check.catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Host and port only: a URL's password has no place in an error message. */
function redisAddress(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || '6379'}`;
}

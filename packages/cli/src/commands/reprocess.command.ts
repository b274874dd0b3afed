import { STAGES } from '@newsflow/contracts';
import { closeQueueSet, createBlobStore, createInFlightMarker, createQueueSet, statusStoreFor, type QueueSet } from '@newsflow/runtime';
import { EXIT, UnreachableError } from '../process/cli.errors';
import { configFromEnv } from '../process/config.loader';
import { displayAddress } from '../process/network.reason';
import { openRedis } from '../process/redis.session';
import { openSearchEngine } from '../process/search.session';
import { reprocessEnrich } from '../reprocess/enrich.reprocessor';
import { createProgressLine, describeSummary } from '../reprocess/progress.line';
import { createReprocessCursor } from '../reprocess/reprocess.cursor';

export interface ReprocessEnrichCommandOptions {
  since?: string;
  site?: string;
  restart?: boolean;
}

/** Stopped by Ctrl-C (128 + SIGINT): the cursor keeps the place. */
const INTERRUPTED = 130;

/**
 * `newsflow reprocess enrich [--since DATE] [--site S] [--restart]`: enrichment again on indexed
 * articles, from their stored text, through the running enrich and index services.
 */
export async function reprocessEnrichCommand(opts: ReprocessEnrichCommandOptions): Promise<number> {
  if (opts.since !== undefined && !isIsoDate(opts.since)) {
    process.stderr.write(`newsflow: --since must be an ISO 8601 date, YYYY-MM-DD (got "${opts.since}")\n`);
    return EXIT.usage;
  }
  if (opts.site !== undefined && opts.site.trim() === '') {
    process.stderr.write('newsflow: --site needs a site, such as example.com\n');
    return EXIT.usage;
  }
  const config = configFromEnv();
  // Either away is one line and exit 3 (UnreachableError), before anything is written.
  const session = await openRedis(config);
  const { redis } = session;
  const { engine, explain } = openSearchEngine(config);
  let queues: QueueSet | undefined;
  const stop = new AbortController();
  const onSigint = () => stop.abort();
  process.once('SIGINT', onSigint);
  const line = createProgressLine(process.stderr);
  try {
    const hasIndex = await withTimeout(engine.aliasExists(config.search.alias), 5000).catch((err: unknown) => {
      throw explain(err);
    });
    if (hasIndex === null) {
      throw new UnreachableError(`cannot reach the search engine at ${displayAddress(config.search.url)}: no answer within 5 s`);
    }
    if (!hasIndex) {
      process.stderr.write(
        `newsflow: there is no articles index "${config.search.alias}" (SEARCH_INDEX) at ${config.search.url}: nothing to reprocess\n`,
      );
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
    const away = session.explain(explain(err));
    if (away instanceof UnreachableError && queues) {
      throw new UnreachableError(`${away.message} (the next run continues where this one stopped)`);
    }
    throw away;
  } finally {
    process.off('SIGINT', onSigint);
    if (queues) await closeQueueSet(queues).catch(() => undefined);
    await session.close();
    await engine.close();
  }
}

/** YYYY-MM-DD, and a day that exists. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** The check's answer, or null when none came within `ms`. */
async function withTimeout<T>(check: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

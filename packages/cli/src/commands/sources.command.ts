import { formatEvery } from '@newsflow/contracts';
import {
  createDiscoverQueue,
  createSourceManager,
  createSourceSchedule,
  createSourceStore,
  SourceInputError,
  type SourceManager,
  type SourceView,
} from '@newsflow/runtime';
import { EXIT, UsageError } from '../process/cli.errors';
import { configFromEnv } from '../process/config.loader';
import { openRedis } from '../process/redis.session';

async function withSources<T>(fn: (sources: SourceManager) => Promise<T>): Promise<T> {
  const config = configFromEnv();
  const session = await openRedis(config);
  const queue = createDiscoverQueue(session.redis, config.redis.prefix);
  // A lost connection is reported once, by the command, not by the queue as an event.
  queue.on('error', () => undefined);
  const sources = createSourceManager({
    store: createSourceStore(session.redis, config.redis.prefix),
    schedule: createSourceSchedule(queue),
    minEveryMs: config.discover.minEveryMs,
  });
  try {
    return await fn(sources);
  } catch (err) {
    if (err instanceof SourceInputError) throw new UsageError(err.message);
    throw session.explain(err);
  } finally {
    await queue.close().catch(() => undefined);
    await session.close();
  }
}

/** `newsflow sources add URL [--every 15m]`: prints the source's id; the first poll starts at once. */
export async function sourcesAddCommand(url: string, opts: { every?: string; json?: boolean }): Promise<number> {
  const { source, created } = await withSources((s) => s.add(url, opts.every));
  process.stdout.write(opts.json ? `${JSON.stringify(source)}\n` : `${source.id}\n`);
  process.stderr.write(
    created
      ? `following ${source.url} every ${source.every}; first poll now\n`
      : `already followed: ${source.url}, now every ${source.every}\n`,
  );
  return EXIT.ok;
}

/** `newsflow sources list [--json]`: each source with its last poll. */
export async function sourcesListCommand(opts: { json?: boolean }): Promise<number> {
  const sources = await withSources((s) => s.list());
  for (const s of sources) process.stdout.write(opts.json ? `${JSON.stringify(s)}\n` : describe(s));
  if (!opts.json) process.stderr.write(`${sources.length} source(s)\n`);
  return EXIT.ok;
}

/** `newsflow sources remove ID|URL`: stops polling and forgets what the source remembered. */
export async function sourcesRemoveCommand(target: string): Promise<number> {
  const removed = await withSources((s) => s.remove(target));
  if (!removed) return noSuchSource(target);
  process.stdout.write(`${removed.id}  removed  ${removed.url}\n`);
  return EXIT.ok;
}

/**
 * `newsflow sources poll ID|URL [--wait]`: a poll now, besides the schedule. With --wait, until
 * it has finished (at most `--timeout` seconds), printing how it went; exits 1 when it failed.
 */
export async function sourcesPollCommand(target: string, opts: { wait?: boolean; timeout?: string; json?: boolean }): Promise<number> {
  const timeoutS = opts.timeout === undefined ? 300 : Number(opts.timeout);
  if (!(timeoutS > 0)) throw new UsageError(`--timeout must be a number of seconds (got "${opts.timeout}")`);
  return withSources(async (sources) => {
    const before = await sources.pollNow(target);
    if (!before) return noSuchSource(target);
    if (!opts.wait) {
      process.stdout.write(`${before.id}  poll queued  ${before.url}\n`);
      return EXIT.ok;
    }
    const deadline = Date.now() + timeoutS * 1000;
    for (;;) {
      const now = await sources.find(before.id);
      if (!now) return noSuchSource(target);
      if (now.lastPoll && now.lastPoll.at !== before.lastPoll?.at) {
        process.stdout.write(opts.json ? `${JSON.stringify(now)}\n` : describe(now));
        return now.lastPoll.status === 'failed' ? EXIT.failed : EXIT.ok;
      }
      if (Date.now() > deadline) {
        process.stderr.write(`the poll of ${now.url} did not finish within ${timeoutS} s (is a discover service running?)\n`);
        return EXIT.failed;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  });
}

function noSuchSource(target: string): number {
  process.stderr.write(`no source ${target} (see: newsflow sources list)\n`);
  return EXIT.failed;
}

/** Two or three lines a source: what it is, how its last poll went, and its error. */
function describe(s: SourceView): string {
  const p = s.lastPoll;
  const head = `${s.id}  ${s.url}\n`;
  const what = `    ${s.kind ?? 'kind not known yet'}, every ${formatEvery(s.everyMs)}${s.kind === 'site' && s.endpoints.length > 0 ? ` (${s.endpoints.length} feeds and sitemaps)` : ''}; ${s.enqueuedTotal} URLs enqueued in all`;
  if (!p) return `${head}${what}; not polled yet${s.nextPollAt ? `, first poll ${s.nextPollAt}` : ''}\n`;
  const last = `    last poll ${p.at}: ${p.status} in ${(p.ms / 1000).toFixed(1)} s, ${p.documents} document(s), ${p.found} URLs found, ${p.fresh} new or changed, ${p.enqueued} enqueued${s.nextPollAt ? `; next ${s.nextPollAt}` : ''}`;
  return `${head}${what}\n${last}\n${p.error ? `    error: ${p.error}\n` : ''}`;
}

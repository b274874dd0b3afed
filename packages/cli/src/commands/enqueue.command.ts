import { open } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import type { Config } from '@newsflow/config';
import { STAGES, UrlTooLongError } from '@newsflow/contracts';
import { closeQueueSet, createInFlightMarker, createQueueSet, enqueueUrl, statusStoreFor } from '@newsflow/runtime';
import { noCounts, problemLine, problemRecord, resultLine, summaryLine, type EnqueueCounts } from '../enqueue/enqueue.report';
import { readUrlLines, urlArguments, type UrlLine } from '../enqueue/url.lines';
import { screenUrlLine } from '../enqueue/url-line.screen';
import { EXIT, UsageError } from '../process/cli.errors';
import { configFromEnv } from '../process/config.loader';
import { openRedis } from '../process/redis.session';

export interface EnqueueOptions {
  file?: string;
  json?: boolean;
}

/**
 * `newsflow enqueue URL... [--file F | -]`: prints each URL's id; a bar and a summary for many.
 * A line no job can carry is refused (said on stderr with its line number) before anything is
 * written to Redis, and the rest are enqueued; exits 1 when any line was refused or failed.
 */
export async function enqueueCommand(urls: string[], opts: EnqueueOptions): Promise<number> {
  const config = configFromEnv();
  const fromStdin = urls.includes('-');
  const lines = urlArguments(urls);
  if (lines.length === 0 && !opts.file && !fromStdin) {
    throw new UsageError('give at least one URL, --file FILE, or - to read URLs from standard input');
  }
  if (opts.file) lines.push(...(await readFileLines(opts.file)));
  if (fromStdin) lines.push(...(await readUrlLines(process.stdin, '-')));

  const counts = noCounts();
  const report = (l: UrlLine, what: 'refused' | 'failed', reason: string) => {
    counts[what]++;
    process.stderr.write(`${problemLine(l, what, reason)}\n`);
    if (opts.json) process.stdout.write(`${problemRecord(l, what, reason)}\n`);
  };
  const accepted = lines.filter((l) => {
    const s = screenUrlLine(l.text);
    if (!s.ok) report(l, 'refused', s.reason);
    return s.ok;
  });

  let lost: unknown = null;
  if (accepted.length > 0) lost = await enqueueLines(config, accepted, counts, report, opts.json === true);
  if (lines.length > 1 || counts.refused + counts.failed > 0 || lost) process.stderr.write(`${summaryLine(counts)}\n`);
  // Redis gone part-way: what was done is summed up above; the rest was not tried.
  if (lost) throw lost;
  return counts.refused + counts.failed > 0 ? EXIT.failed : EXIT.ok;
}

/** Enqueues the screened lines; returns the UnreachableError that stopped it, or null. */
async function enqueueLines(
  config: Config,
  lines: UrlLine[],
  counts: EnqueueCounts,
  report: (l: UrlLine, what: 'refused' | 'failed', reason: string) => void,
  json: boolean,
): Promise<unknown> {
  const session = await openRedis(config);
  const queues = createQueueSet(session.redis, config.redis.prefix);
  // A lost connection is reported once, by the command, not by every queue as an event.
  for (const stage of STAGES) queues[stage].on('error', () => undefined);
  const status = statusStoreFor(session.redis, config);
  const inflight = createInFlightMarker(session.redis, config.redis.prefix);
  const bar =
    lines.length > 1 && process.stderr.isTTY
      ? new cliProgress.SingleBar({ clearOnComplete: true }, cliProgress.Presets.shades_classic)
      : null;
  bar?.start(lines.length, 0);
  let lost: unknown = null;
  try {
    await forEachLimited(lines, 16, async (l) => {
      try {
        const r = await enqueueUrl(queues, inflight, status, l.text);
        if (r.outcome === 'queued') counts.queued++;
        else counts.inFlight++;
        if (r.invalid) counts.invalid++;
        process.stdout.write(`${resultLine(r, json)}\n`);
      } catch (err) {
        const explained = session.explain(err);
        if (explained !== err) {
          lost ??= explained;
          return 'stop';
        }
        // Screened out already; should the enqueuer's check ever be stricter, still a refusal.
        if (err instanceof UrlTooLongError) report(l, 'refused', err.message);
        else report(l, 'failed', oneLine(err));
      } finally {
        bar?.increment();
      }
      return 'go';
    });
  } finally {
    bar?.stop();
    await closeQueueSet(queues).catch(() => undefined);
    await session.close();
  }
  return lost;
}

async function readFileLines(file: string): Promise<UrlLine[]> {
  try {
    const handle = await open(file);
    try {
      return await readUrlLines(handle.createReadStream({ autoClose: false }), file);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw new Error(`cannot read ${file}: ${(err as Error).message}`);
  }
}

function oneLine(err: unknown): string {
  const text = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** Runs `fn` over the items, `limit` at a time, until done or one of them says stop. */
async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<'go' | 'stop'>): Promise<void> {
  let next = 0;
  let stopped = false;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (!stopped && next < items.length) {
      const item = items[next++] as T;
      if ((await fn(item)) === 'stop') stopped = true;
    }
  });
  await Promise.all(lanes);
}

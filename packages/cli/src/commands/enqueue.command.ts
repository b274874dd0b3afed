import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import cliProgress from 'cli-progress';
import {
  closeQueueSet,
  createQueueSet,
  createRedisConnection,
  createInFlightMarker,
  statusStoreFor,
  enqueueUrl,
  type EnqueueResult,
} from '@newsflow/runtime';
import { configFromEnv } from '../process/config.loader';

export interface EnqueueOptions {
  file?: string;
  json?: boolean;
}

/** `newsflow enqueue URL... [--file F | -]`: prints each URL's id; a bar and a summary for many. */
export async function enqueueCommand(urls: string[], opts: EnqueueOptions): Promise<number> {
  const config = configFromEnv();
  const inputs = [...urls.filter((u) => u !== '-')];
  if (opts.file) inputs.push(...(await readLines(createReadStream(opts.file))));
  if (urls.includes('-')) inputs.push(...(await readLines(process.stdin)));
  if (inputs.length === 0) throw new Error('give at least one URL, --file FILE, or - to read URLs from standard input');

  const redis = createRedisConnection(config.redis.url, 'client', 'newsflow-cli');
  redis.on('error', () => undefined);
  const queues = createQueueSet(redis, config.redis.prefix);
  const status = statusStoreFor(redis, config);
  const inflight = createInFlightMarker(redis, config.redis.prefix);
  const many = inputs.length > 1;
  const bar = many && process.stderr.isTTY ? new cliProgress.SingleBar({ clearOnComplete: true }, cliProgress.Presets.shades_classic) : null;
  bar?.start(inputs.length, 0);
  const counts = { queued: 0, 'in-flight': 0, invalid: 0 };
  try {
    await forEachLimited(inputs, 16, async (raw) => {
      const r: EnqueueResult = await enqueueUrl(queues, inflight, status, raw);
      counts[r.outcome]++;
      if (r.invalid) counts.invalid++;
      const line = opts.json
        ? JSON.stringify(r)
        : `${r.id}\t${r.url}\t${r.invalid ? `will fail: ${r.invalid}` : r.outcome === 'in-flight' ? 'already in progress' : 'queued'}`;
      if (bar) bar.increment();
      process.stdout.write(`${line}\n`);
    });
  } finally {
    bar?.stop();
    await closeQueueSet(queues);
    await redis.quit().catch(() => redis.disconnect());
  }
  if (many && !opts.json) {
    process.stderr.write(
      `enqueued ${counts.queued} URL(s), ${counts['in-flight']} already in progress, ${counts.invalid} invalid (queued to fail with a reason)\n`,
    );
  }
  return 0;
}

async function readLines(stream: NodeJS.ReadableStream): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    const t = line.trim();
    if (t && !t.startsWith('#')) lines.push(t);
  }
  return lines;
}

async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  });
  await Promise.all(lanes);
}

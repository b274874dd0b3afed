import { isQueueName, resolveUrlInput, STAGES, type QueueName } from '@newsflow/contracts';
import {
  closeQueueSet,
  createInFlightMarker,
  createQueueSet,
  statusStoreFor,
  listFailed,
  retryFailed,
  type InFlightMarker,
  type QueueSet,
  type StatusStore,
} from '@newsflow/runtime';
import { UsageError } from '../process/cli.errors';
import { configFromEnv } from '../process/config.loader';
import { openRedis } from '../process/redis.session';

function stagesOf(stage: string | undefined): readonly QueueName[] {
  if (stage === undefined) return STAGES;
  if (!isQueueName(stage)) throw new UsageError(`unknown stage "${stage}"; choose from ${STAGES.join(', ')}`);
  return [stage];
}

interface QueueDeps {
  queues: QueueSet;
  inflight: InFlightMarker;
  status: StatusStore;
}

async function withQueues<T>(fn: (deps: QueueDeps) => Promise<T>): Promise<T> {
  const config = configFromEnv();
  const session = await openRedis(config);
  const { redis } = session;
  const queues = createQueueSet(redis, config.redis.prefix);
  // A lost connection is reported once, by the command, not by every queue as an event.
  for (const stage of STAGES) queues[stage].on('error', () => undefined);
  try {
    return await fn({ queues, inflight: createInFlightMarker(redis, config.redis.prefix), status: statusStoreFor(redis, config) });
  } catch (err) {
    throw session.explain(err);
  } finally {
    await closeQueueSet(queues).catch(() => undefined);
    await session.close();
  }
}

/** `newsflow failed [--stage S] [--json]`: failed jobs with their reasons. */
export async function failedCommand(opts: { stage?: string; json?: boolean; limit?: string }): Promise<number> {
  const stages = stagesOf(opts.stage);
  const limit = opts.limit === undefined ? 1000 : Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number of at least 1 (got "${opts.limit}")`);
  const failed = await withQueues((d) => listFailed(d.queues, stages, limit));
  if (opts.json) {
    for (const f of failed) process.stdout.write(`${JSON.stringify(f)}\n`);
    return 0;
  }
  for (const f of failed) process.stdout.write(`${f.id}  ${f.stage.padEnd(7)}  ${f.url}\n    ${f.reason} (after ${f.attempts} attempt(s), ${f.failedAt ?? '?'})\n`);
  process.stderr.write(`${failed.length} failed job(s)\n`);
  return 0;
}

/** `newsflow retry ID|URL|--all [--stage S]`: re-queues failed jobs with fresh attempts. */
export async function retryCommand(target: string | undefined, opts: { all?: boolean; stage?: string }): Promise<number> {
  if (!target && !opts.all) throw new UsageError('give an article id or URL, or --all');
  if (target && opts.all) throw new UsageError('give either an id/URL or --all, not both');
  const stages = stagesOf(opts.stage);
  const which = opts.all ? ({ all: true } as const) : { id: /^[0-9a-f]{32}$/.test(target!) ? target! : resolveUrlInput(target!).id };
  const retried = await withQueues((d) => retryFailed(d, stages, which));
  for (const r of retried) process.stdout.write(`${r.id}  ${r.stage}  re-queued  ${r.url}\n`);
  if (retried.length === 0) {
    process.stderr.write(`no failed job ${opts.all ? 'to retry' : `for ${target}`}\n`);
    return opts.all ? 0 : 1;
  }
  process.stderr.write(`re-queued ${retried.length} job(s)\n`);
  return 0;
}

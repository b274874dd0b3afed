import { isQueueName, QUEUES, resolveUrlInput, STAGES, type QueueName } from '@newsflow/contracts';
import {
  closeQueueSet,
  createDiscoverQueue,
  createInFlightMarker,
  createQueueSet,
  createSourceStore,
  statusStoreFor,
  listFailed,
  listFailedPolls,
  retryFailed,
  type DiscoverQueue,
  type InFlightMarker,
  type QueueSet,
  type SourceStore,
  type StatusStore,
} from '@newsflow/runtime';
import { UsageError } from '../process/cli.errors';
import { configFromEnv } from '../process/config.loader';
import { openRedis } from '../process/redis.session';

const ALL_STAGES = [...STAGES, QUEUES.discover] as const;

/** The article stages asked for, and whether source polls (the discover queue) are too. */
function stagesOf(stage: string | undefined): { stages: readonly QueueName[]; discover: boolean } {
  if (stage === undefined) return { stages: STAGES, discover: true };
  if (stage === QUEUES.discover) return { stages: [], discover: true };
  if (!isQueueName(stage)) throw new UsageError(`unknown stage "${stage}"; choose from ${ALL_STAGES.join(', ')}`);
  return { stages: [stage], discover: false };
}

interface QueueDeps {
  queues: QueueSet;
  discover: DiscoverQueue;
  sources: SourceStore;
  inflight: InFlightMarker;
  status: StatusStore;
}

async function withQueues<T>(fn: (deps: QueueDeps) => Promise<T>): Promise<T> {
  const config = configFromEnv();
  const session = await openRedis(config);
  const { redis } = session;
  const queues = createQueueSet(redis, config.redis.prefix);
  const discover = createDiscoverQueue(redis, config.redis.prefix);
  // A lost connection is reported once, by the command, not by every queue as an event.
  for (const stage of STAGES) queues[stage].on('error', () => undefined);
  discover.on('error', () => undefined);
  try {
    return await fn({
      queues,
      discover,
      sources: createSourceStore(redis, config.redis.prefix),
      inflight: createInFlightMarker(redis, config.redis.prefix),
      status: statusStoreFor(redis, config),
    });
  } catch (err) {
    throw session.explain(err);
  } finally {
    await closeQueueSet(queues).catch(() => undefined);
    await discover.close().catch(() => undefined);
    await session.close();
  }
}

/** `newsflow failed [--stage S] [--json]`: failed jobs with their reasons; source polls under the source's id and URL. */
export async function failedCommand(opts: { stage?: string; json?: boolean; limit?: string }): Promise<number> {
  const { stages, discover } = stagesOf(opts.stage);
  const limit = opts.limit === undefined ? 1000 : Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number of at least 1 (got "${opts.limit}")`);
  const failed = await withQueues(async (d) => [
    ...(await listFailed(d.queues, stages, limit)),
    ...(discover ? await listFailedPolls(d.discover, d.sources, limit) : []),
  ]);
  if (opts.json) {
    for (const f of failed) process.stdout.write(`${JSON.stringify(f)}\n`);
    return 0;
  }
  for (const f of failed) {
    process.stdout.write(
      `${f.id}  ${f.stage.padEnd(8)}  ${f.url || (f.stage === QUEUES.discover ? '(source removed)' : '')}\n    ${f.reason} (after ${f.attempts} attempt(s), ${f.failedAt ?? '?'})\n`,
    );
  }
  process.stderr.write(`${failed.length} failed job(s)\n`);
  return 0;
}

/** `newsflow retry ID|URL|--all [--stage S]`: re-queues failed jobs with fresh attempts. */
export async function retryCommand(target: string | undefined, opts: { all?: boolean; stage?: string }): Promise<number> {
  if (!target && !opts.all) throw new UsageError('give an article id or URL, or --all');
  if (target && opts.all) throw new UsageError('give either an id/URL or --all, not both');
  if (opts.stage === QUEUES.discover) {
    throw new UsageError(
      'failed source polls are not retried: the next scheduled poll comes anyway; `newsflow sources poll ID|URL` polls a source now',
    );
  }
  const { stages } = stagesOf(opts.stage);
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

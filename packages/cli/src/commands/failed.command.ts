import { isQueueName, resolveUrlInput, STAGES, type QueueName } from '@newsflow/contracts';
import {
  closeQueueSet,
  createInFlightMarker,
  createQueueSet,
  createRedisConnection,
  statusStoreFor,
  listFailed,
  retryFailed,
} from '@newsflow/runtime';
import { configFromEnv } from '../process/config.loader';

function stagesOf(stage: string | undefined): readonly QueueName[] {
  if (stage === undefined) return STAGES;
  if (!isQueueName(stage)) throw new Error(`unknown stage "${stage}"; choose from ${STAGES.join(', ')}`);
  return [stage];
}

async function withQueues<T>(fn: (deps: ReturnType<typeof open>) => Promise<T>): Promise<T> {
  const deps = open();
  try {
    return await fn(deps);
  } finally {
    await closeQueueSet(deps.queues);
    await deps.redis.quit().catch(() => deps.redis.disconnect());
  }
}

function open() {
  const config = configFromEnv();
  const redis = createRedisConnection(config.redis.url, 'client', 'newsflow-cli');
  redis.on('error', () => undefined);
  return {
    redis,
    queues: createQueueSet(redis, config.redis.prefix),
    inflight: createInFlightMarker(redis, config.redis.prefix),
    status: statusStoreFor(redis, config),
  };
}

/** `newsflow failed [--stage S] [--json]`: failed jobs with their reasons. */
export async function failedCommand(opts: { stage?: string; json?: boolean; limit?: string }): Promise<number> {
  const stages = stagesOf(opts.stage);
  const failed = await withQueues((d) => listFailed(d.queues, stages, opts.limit ? Number(opts.limit) : 1000));
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
  if (!target && !opts.all) throw new Error('give an article id or URL, or --all');
  if (target && opts.all) throw new Error('give either an id/URL or --all, not both');
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

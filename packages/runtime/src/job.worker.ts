import { Worker, type Job } from 'bullmq';
import type { z } from 'zod';
import { PermanentError, errorMessage, isPermanent } from './errors';
import type { Logger } from './logger';
import type { MeteredQueue } from './pipeline.metrics';
import type { Closeable } from './shutdown';
import type { StageInfra } from './stage.infra';
import { closeWorker, type StageResult } from './stage.runner';

/** A queue's job as registered in contracts: its queue name and payload schema. */
export interface QueueJob<S extends z.ZodType> {
  queue: MeteredQueue;
  schema: S;
}

export interface JobContext {
  job: Job;
  logger: Logger;
  /** 1 for the first try. */
  attempt: number;
}

/** A few facts about the work, kept as the job's return value (never content). */
export type JobOutcome = Record<string, string | number | boolean | null>;
export type JobHandler<S extends z.ZodType> = (payload: z.infer<S>, ctx: JobContext) => Promise<JobOutcome | void>;

/**
 * The runner for jobs that are not an article's pipeline stage (source polls): the same rules as
 * the stage runner — the payload is validated again on pick-up (a bad one fails at once, said
 * plainly), a failure is logged at error level only when no retry is left, and SIGTERM lets
 * jobs in flight finish for SHUTDOWN_TIMEOUT_MS — without an article's status and trace.
 */
export function startJobWorker<S extends z.ZodType>(
  infra: StageInfra,
  def: QueueJob<S>,
  handler: JobHandler<S>,
  concurrency: number,
): Closeable {
  const queueLogger = infra.logger.child({ queue: def.queue });
  const processJob = async (job: Job): Promise<JobOutcome> => {
    const attempt = job.attemptsMade + 1;
    const parsed = def.schema.safeParse(job.data);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new PermanentError(`invalid ${def.queue} job payload (${issues})`, 'invalid-payload');
    }
    const logger = queueLogger.child({ jobId: job.id });
    const started = performance.now();
    let result: JobOutcome & { ms: number };
    try {
      const outcome = await handler(parsed.data, { job, logger, attempt });
      result = { ...(outcome ?? {}), ms: Math.round(performance.now() - started) };
    } catch (err) {
      const final = isPermanent(err) || attempt >= (job.opts.attempts ?? 1);
      infra.metrics?.failed(
        def.queue,
        err instanceof PermanentError ? err.code : isPermanent(err) ? 'permanent' : 'transient',
        final,
        performance.now() - started,
      );
      if (final) logger.error({ err, attempt }, `${def.queue} failed: ${errorMessage(err)}`);
      else logger.warn({ attempt, reason: errorMessage(err) }, `${def.queue} failed, will retry`);
      throw err;
    }
    infra.metrics?.completed(def.queue, Object.fromEntries(Object.entries(result).filter(([, v]) => v !== null)) as StageResult);
    return result;
  };
  const worker = new Worker(def.queue, processJob, {
    connection: infra.connection,
    prefix: infra.config.redis.prefix,
    concurrency,
    // As the stages: a killed worker's job comes back within about 20 s. Polls stream their
    // documents, so the event loop is free to renew the lock however long one takes.
    lockDuration: 15_000,
    stalledInterval: 5_000,
    maxStalledCount: 2,
  });
  worker.on('error', (err) => queueLogger.error({ err }, 'worker error'));
  return { name: `${def.queue} worker`, close: () => closeWorker(worker, infra.config.shutdownTimeoutMs) };
}

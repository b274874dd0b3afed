import { DelayedError, RateLimitError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { JOBS, nextStage, type ArticleState, type JobPayload, type QueueName, type TraceEvent } from '@newsflow/contracts';
import { PermanentError, errorMessage, isPermanent, refusalCode } from './errors';
import type { Logger } from './logger';
import { addStageJob, type QueueSet } from './queue.set';
import type { InFlightMarker } from './inflight.marker';
import type { StatusStore, StatusUpdate } from './status.store';
import { createBacklogGate } from './backlog.gate';

export interface StageContext {
  job: Job;
  /** The worker's lock token for this job: needed to move it to delayed (`job.moveToDelayed`). */
  token: string | undefined;
  logger: Logger;
  /** 1 for the first try. */
  attempt: number;
  /**
   * This attempt's 'started' trace event. The runner may not have written it to the status
   * store yet when the handler runs (a quick job's start is written with its end): a handler
   * that reads the trace and keeps it (index, into the document) adds it when it is missing.
   */
  started?: TraceEvent;
}

/**
 * A stage's work. The runner hands the article to the next stage on success, unless the
 * outcome says `unchanged: true` (the article ends 'done' there). A handler may
 * return a few facts about the work (an HTTP status, a size); they become the job's return
 * value, next to its duration, for metrics and the trace. Never article content.
 */
export type StageOutcome = Record<string, string | number | boolean>;
export type StageHandler<Q extends QueueName> = (payload: JobPayload<Q>, ctx: StageContext) => Promise<StageOutcome | void>;

/** What a finished job records as its return value. */
export interface StageResult extends StageOutcome {
  ms: number;
}

/** Where the runner reports each job's end (Prometheus counters and histograms in practice). */
export interface StageMetrics {
  completed(stage: QueueName, result: StageResult): void;
  /** `code` is a PermanentError's code, or 'transient'; `final` when no retry is left. */
  failed(stage: QueueName, code: string, final: boolean, ms: number): void;
}

export interface StageRunnerOptions<Q extends QueueName> {
  stage: Q;
  handler: StageHandler<Q>;
  connection: Redis;
  prefix: string;
  concurrency: number;
  queues: QueueSet;
  status: StatusStore;
  inflight: InFlightMarker;
  logger: Logger;
  metrics?: StageMetrics;
  /**
   * Back-pressure: while the next stage has this many jobs waiting, this stage takes no new job
   * (for `holdMs` at a time, every worker of the stage on every host: BullMQ's queue-wide rate
   * limit) and its jobs wait in their queue, costing no attempt. Unset: never holds back.
   */
  maxAhead?: number;
  holdMs?: number;
}

/**
 * A job's start is written on its own only once the handler has run this long; a job that ends
 * sooner (most: p95 0.1-0.4 s per stage in bench:pipeline) has its start written in the same
 * Redis command as its end, with the start's own time and ahead of the end: one round trip and
 * seven Redis commands (a MULTI of five) fewer per job, four per article. The status needs
 * nothing else from the start: the previous stage's end (or the enqueue) already names this
 * stage. What a reader sees: a running job's 'started' event, its attempt number and its state
 * ('fetching' rather than 'queued' for fetch) appear at most this late, with the same times.
 */
const START_WRITE_DELAY_MS = 500;

const STATE_OF: Record<QueueName, ArticleState> = {
  fetch: 'fetching',
  extract: 'extracting',
  enrich: 'enriching',
  index: 'indexing',
};

/**
 * The one worker runner every stage uses: validates the payload again on pick-up, records the
 * article's state and trace, runs the handler, enqueues the next stage only after success, and
 * logs a failure at error level only when no retry is left.
 */
export function createStageWorker<Q extends QueueName>(opts: StageRunnerOptions<Q>): Worker {
  const { stage, handler, status, queues, inflight } = opts;
  const def = JOBS[stage];
  const stageLogger = opts.logger.child({ queue: stage });
  const following = nextStage(stage);
  const gate = following && opts.maxAhead ? createBacklogGate(queues[following], opts.maxAhead) : null;
  const holdMs = opts.holdMs ?? 1000;

  const processJob = async (job: Job, token?: string): Promise<StageResult> => {
    // Before anything is recorded: a job held back was never started.
    if (gate && (await gate.full())) {
      await queues[stage].rateLimit(holdMs);
      throw new RateLimitError();
    }
    const attempt = job.attemptsMade + 1;
    const parsed = def.schema.safeParse(job.data);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new PermanentError(`invalid ${stage} job payload (${issues})`, 'invalid-payload');
    }
    const payload = parsed.data as JobPayload<Q>;
    const logger = stageLogger.child({ jobId: job.id, urlHash: payload.id });
    const now = () => new Date().toISOString();

    const startEvent: TraceEvent = { stage, event: 'started', at: now(), attempt };
    // The start on its own, once the job has run START_WRITE_DELAY_MS (true once written).
    let startWrite: Promise<boolean> | null = null;
    const writeStart = () => {
      startWrite ??= status.update(payload.id, { url: payload.url, state: STATE_OF[stage], stage, attempt, event: startEvent }).then(
        () => true,
        (e: unknown) => {
          logger.warn({ err: e }, 'could not record the start in the status store');
          return false;
        },
      );
    };
    const startTimer = setTimeout(writeStart, START_WRITE_DELAY_MS);
    /** Every status write after the start: carries the start too unless it was written on its own. */
    const record = async (u: StatusUpdate): Promise<void> => {
      clearTimeout(startTimer);
      const written = startWrite ? await startWrite : false;
      startWrite = Promise.resolve(true);
      await status.update(payload.id, written ? u : { ...u, earlier: [startEvent] });
    };
    const started = performance.now();
    let outcome: StageOutcome | void;
    try {
      outcome = await handler(payload, { job, token, logger, attempt, started: startEvent });
    } catch (err) {
      // The handler postponed the job itself (e.g. its host is busy): not a failure, no attempt used.
      if (err instanceof DelayedError) {
        await record({
          url: payload.url,
          state: STATE_OF[stage],
          stage,
          attempt,
          event: { stage, event: 'postponed', at: now(), attempt, detail: err.message || undefined },
        }).catch(() => undefined);
        throw err;
      }
      const final = isPermanent(err) || attempt >= (job.opts.attempts ?? 1);
      const reason = errorMessage(err);
      opts.metrics?.failed(
        stage,
        err instanceof PermanentError ? err.code : isPermanent(err) ? 'permanent' : 'transient',
        final,
        performance.now() - started,
      );
      await record({
        url: payload.url,
        state: final ? 'failed' : STATE_OF[stage],
        stage,
        reason: final ? reason : null,
        attempt,
        event: { stage, event: final ? 'failed' : 'retrying', at: now(), attempt, detail: reason },
      }).catch((e: unknown) => logger.warn({ err: e }, 'could not record the failure in the status store'));
      if (final) {
        await inflight.release(payload.id).catch(() => undefined);
        // A refused address or page is the article's outcome, not a fault: no stack, warn level.
        const refused = refusalCode(err);
        if (refused) logger.warn({ attempt, code: refused, reason }, `${stage} refused: ${reason}`);
        else logger.error({ err, attempt }, `${stage} failed: ${reason}`);
      } else {
        logger.warn({ attempt, reason }, `${stage} failed, will retry`);
      }
      throw err;
    }

    // `unchanged` (fetch got a 304): the article is as it was indexed, so its pipeline ends here.
    const next = outcome?.unchanged === true ? null : nextStage(stage);
    const ms = Math.round(performance.now() - started);
    // This stage's end is recorded before the next stage's job exists: recorded after, it could
    // land behind that job's start (and even its end), leaving the trace out of order and the
    // article's state set back to this stage's successor after it was done.
    await record({
      url: payload.url,
      state: next ? STATE_OF[next] : 'done',
      stage: next ?? stage,
      attempt: null,
      event: {
        stage,
        event: 'completed',
        at: now(),
        attempt,
        detail: outcome?.unchanged === true ? `unchanged (304), ${ms} ms` : `${ms} ms`,
      },
      ...(typeof outcome?.documentId === 'string' ? { documentId: outcome.documentId } : {}),
    });
    // The source travels with the job, not in the stored page or article, so that the index
    // stage can put it in the document.
    if (next) {
      await addStageJob(queues, next, { v: 1, id: payload.id, url: payload.url, ...(payload.source ? { source: payload.source } : {}) });
    } else {
      await inflight.release(payload.id);
    }
    logger.debug({ ms }, `${stage} done`);
    const result: StageResult = { ...(outcome ?? {}), ms };
    opts.metrics?.completed(stage, result);
    return result;
  };

  const worker = new Worker(stage, processJob, {
    connection: opts.connection,
    prefix: opts.prefix,
    concurrency: opts.concurrency,
    // A killed worker's jobs come back within about 20 s (lock expiry + one stalled check);
    // a job may be stalled five times (repeated kills) before it is failed. Nothing CPU-bound
    // runs on this event loop (extraction has its own threads), so locks renew on time.
    lockDuration: 15_000,
    stalledInterval: 5_000,
    maxStalledCount: 5,
  });
  worker.on('error', (err) => stageLogger.error({ err }, 'worker error'));
  return worker;
}

/** Closes a worker, letting in-flight jobs finish for at most `timeoutMs`. */
export async function closeWorker(worker: Worker, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const result = await Promise.race([worker.close().then(() => 'closed' as const), timedOut]);
  clearTimeout(timer);
  if (result === 'timeout') await worker.close(true);
}

import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JOBS, STAGES, type ArticleRef, type JobPayload, type QueueName } from '@newsflow/contracts';
import type { InFlightMarker } from './inflight.marker';

export type QueueSet = { [Q in QueueName]: Queue<JobPayload<Q>> };

export function createQueueSet(connection: Redis, prefix: string): QueueSet {
  // Each queue's event stream is capped low: newsflow reads job state, not the event history,
  // and BullMQ's default (10,000 events per queue) is Redis memory for nothing.
  const make = <Q extends QueueName>(name: Q) =>
    new Queue<JobPayload<Q>>(name, { connection, prefix, streams: { events: { maxLen: 1000 } } });
  return { fetch: make('fetch'), extract: make('extract'), enrich: make('enrich'), index: make('index') };
}

export async function closeQueueSet(queues: QueueSet): Promise<void> {
  await Promise.all(STAGES.map((q) => queues[q].close()));
}

const FINISHED = new Set(['completed', 'failed']);
const STALE_MARKER_MS = 60_000;

/**
 * Adds a stage's job with the article id as job id, after validating the payload against the
 * job's schema. A finished job left by an earlier crawl is removed first, because BullMQ would
 * otherwise ignore the new one; an unfinished one means the work is already under way.
 */
export async function addStageJob<Q extends QueueName>(queues: QueueSet, stage: Q, payload: JobPayload<Q>): Promise<'added' | 'in-flight'> {
  const def = JOBS[stage];
  const data = def.schema.parse(payload) as JobPayload<Q>;
  const queue = queues[stage] as unknown as Queue;
  const existing = await queue.getJob(data.id);
  if (existing) {
    const state = await existing.getState();
    if (!FINISHED.has(state) && state !== 'unknown') return 'in-flight';
    await existing.remove().catch(() => undefined);
  }
  await queue.add(def.queue, data, { ...def.options, jobId: data.id });
  return 'added';
}

/** Is this article somewhere in the pipeline right now (waiting, delayed, active)? */
export async function isInFlight(queues: QueueSet, id: string): Promise<boolean> {
  const states = await Promise.all(
    STAGES.map(async (stage) => {
      const job = await (queues[stage] as unknown as Queue).getJob(id);
      return job ? job.getState() : null;
    }),
  );
  return states.some((s) => s !== null && !FINISHED.has(s) && s !== 'unknown');
}

/**
 * Puts an article at the start of the pipeline unless it is already in it. A marker older than a
 * minute that no job backs any more (its job was removed by hand) is taken over rather than
 * blocking the URL for the marker's whole TTL.
 */
export async function enqueueArticle(
  queues: QueueSet,
  inflight: InFlightMarker,
  ref: Pick<ArticleRef, 'id' | 'url' | 'source'>,
  requestedAt = new Date().toISOString(),
): Promise<'added' | 'in-flight'> {
  // Validated before the marker is taken: a payload the job refuses must not leave a marker
  // behind that answers "in-flight" for a job that was never added.
  const payload = JOBS.fetch.schema.parse({ v: 1, id: ref.id, url: ref.url, requestedAt, ...(ref.source ? { source: ref.source } : {}) });
  const claimed = await inflight.claim(ref.id);
  if (!claimed) {
    // A fresh marker may belong to an enqueue whose job is not added yet: trust it.
    const age = await inflight.ageMs(ref.id);
    if (age === null || age < STALE_MARKER_MS || (await isInFlight(queues, ref.id))) return 'in-flight';
  }
  try {
    return await addStageJob(queues, 'fetch', payload);
  } catch (err) {
    // The job was not added (Redis full, or gone): a marker left behind would answer the
    // caller's retry "in-flight" for a job that does not exist. DEL works on a full Redis.
    if (claimed) await inflight.release(ref.id).catch(() => undefined);
    throw err;
  }
}

import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { discoverJob, discoverSchedulerId, type DiscoverJob } from '@newsflow/contracts';

export type DiscoverQueue = Queue<DiscoverJob>;

export function createDiscoverQueue(connection: Redis, prefix: string): DiscoverQueue {
  // As the pipeline's queues: newsflow reads job state, not the event history.
  return new Queue<DiscoverJob>(discoverJob.queue, { connection, prefix, streams: { events: { maxLen: 1000 } } });
}

/** When each source is polled: one BullMQ job scheduler per source, on the discover queue. */
export interface SourceSchedule {
  /**
   * Polls the source every `everyMs` from now on: the first time at once, or, for a source
   * polled before (`lastPollAt`, or a poll running now), no earlier than its last poll plus
   * `everyMs`.
   */
  follow(sourceId: string, everyMs: number, lastPollAt?: string | null): Promise<void>;
  unfollow(sourceId: string): Promise<void>;
  /** A poll now, besides the schedule; asking again before it has started adds nothing. */
  pollNow(sourceId: string): Promise<void>;
  /** When the scheduler will next poll the source; null when it has none. */
  nextPollAt(sourceId: string): Promise<string | null>;
}

export function createSourceSchedule(queue: DiscoverQueue): SourceSchedule {
  const payload = (sourceId: string): DiscoverJob => discoverJob.schema.parse({ v: 1, sourceId });
  /** When the polls of the source running now started (its last poll is recorded only once one ends). */
  const runningSince = async (sourceId: string): Promise<number[]> =>
    // As many as the discover workers' concurrency, across every worker: a few.
    (await queue.getActive()).flatMap((j) => (j.data.sourceId === sourceId ? [j.processedOn ?? j.timestamp] : []));
  return {
    async follow(sourceId, everyMs, lastPollAt = null) {
      // Upserting is idempotent: adding a source again only changes its interval. But BullMQ
      // schedules a changed `every` afresh, at its startDate or else at once: without a
      // startDate, alternating intervals would poll a source at every change.
      const polledAt = Math.max(lastPollAt ? Date.parse(lastPollAt) : -Infinity, ...(await runningSince(sourceId)));
      await queue.upsertJobScheduler(
        discoverSchedulerId(sourceId),
        { every: everyMs, ...(Number.isFinite(polledAt) ? { startDate: polledAt + everyMs } : {}) },
        { name: 'poll', data: payload(sourceId), opts: discoverJob.options },
      );
    },
    async unfollow(sourceId) {
      await queue.removeJobScheduler(discoverSchedulerId(sourceId));
    },
    async pollNow(sourceId) {
      // Deduplicated while waiting: ten impatient `sources poll` make one poll.
      await queue.add('poll', payload(sourceId), { ...discoverJob.options, deduplication: { id: `poll-now:${sourceId}` } });
    },
    async nextPollAt(sourceId) {
      const scheduler = await queue.getJobScheduler(discoverSchedulerId(sourceId));
      return scheduler?.next ? new Date(scheduler.next).toISOString() : null;
    },
  };
}

import type { Job, Queue } from 'bullmq';
import { QUEUES, SOURCE_ID_PATTERN } from '@newsflow/contracts';
import type { FailedJob } from '../failed-jobs';
import type { SourceStore } from './source.store';

/**
 * The failed source polls, newest first, at most `limit`, each under its source's id and URL.
 * Rare by design: what a source serves is its last error, not the job's, so a poll fails only
 * when Redis does or its payload is bad. Not retried from here: the next scheduled poll comes
 * anyway, and `sources poll` asks for one now.
 */
export async function listFailedPolls(
  discover: Pick<Queue, 'getFailed'>,
  sources: Pick<SourceStore, 'get'>,
  limit = 1000,
): Promise<FailedJob[]> {
  const jobs = ((await discover.getFailed(0, limit - 1)) as (Job | undefined)[]).filter((j): j is Job => Boolean(j));
  return Promise.all(
    jobs.map(async (job) => {
      const sourceId = (job.data as { sourceId?: unknown } | null)?.sourceId;
      const known = typeof sourceId === 'string' && SOURCE_ID_PATTERN.test(sourceId) ? sourceId : null;
      const source = known ? await sources.get(known) : null;
      return {
        id: known ?? job.id ?? '',
        stage: QUEUES.discover,
        url: source?.url ?? '',
        reason: job.failedReason ?? '',
        attempts: job.attemptsMade,
        failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      };
    }),
  );
}

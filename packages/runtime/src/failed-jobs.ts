import type { Job, Queue } from 'bullmq';
import type { QueueName } from '@newsflow/contracts';
import type { InFlightMarker } from './inflight.marker';
import type { MeteredQueue } from './pipeline.metrics';
import type { QueueSet } from './queue.set';
import type { StatusStore } from './status.store';

export interface FailedJob {
  /** The article's id; for a source poll, the source's. */
  id: string;
  stage: MeteredQueue;
  /** The article's URL; for a source poll, the source's (empty when it was removed since). */
  url: string;
  reason: string;
  attempts: number;
  failedAt: string | null;
}

const PAGE = 500;

/** The failed jobs of the given stages, newest first, at most `limit` per stage. */
export async function listFailed(queues: QueueSet, stages: readonly QueueName[], limit = 1000): Promise<FailedJob[]> {
  const out: FailedJob[] = [];
  for (const stage of stages) {
    const jobs = await (queues[stage] as unknown as Queue).getFailed(0, limit - 1);
    out.push(...jobs.filter(Boolean).map((j) => describe(stage, j)));
  }
  return out;
}

/**
 * Puts failed jobs back in their queue with fresh attempts (`id` one article, or every failed
 * job of the stages), marking each article in flight and queued again.
 */
export async function retryFailed(
  deps: { queues: QueueSet; inflight: InFlightMarker; status: StatusStore },
  stages: readonly QueueName[],
  which: { id: string } | { all: true },
): Promise<FailedJob[]> {
  const retried: FailedJob[] = [];
  for (const stage of stages) {
    const queue = deps.queues[stage] as unknown as Queue;
    const jobs: Job[] = [];
    if ('id' in which) {
      const job = await queue.getJob(which.id);
      if (job && (await job.isFailed())) jobs.push(job);
    } else {
      // Retried jobs leave the failed set, so always read its first page again.
      for (let batch = await queue.getFailed(0, PAGE - 1); batch.length > 0; batch = await queue.getFailed(0, PAGE - 1)) {
        for (const job of batch.filter(Boolean)) await retryOne(deps, stage, job, retried);
      }
      continue;
    }
    for (const job of jobs) await retryOne(deps, stage, job, retried);
  }
  return retried;
}

async function retryOne(
  deps: { inflight: InFlightMarker; status: StatusStore },
  stage: QueueName,
  job: Job,
  out: FailedJob[],
): Promise<void> {
  const info = describe(stage, job);
  await deps.inflight.claim(info.id);
  await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
  await deps.status.update(info.id, {
    url: info.url,
    state: 'queued',
    stage,
    event: { stage, event: 'queued', at: new Date().toISOString(), detail: `retried after: ${info.reason}` },
  });
  out.push(info);
}

function describe(stage: QueueName, job: Job): FailedJob {
  const data = job.data as { url?: string; id?: string };
  return {
    id: job.id ?? data.id ?? '',
    stage,
    url: data.url ?? '',
    reason: job.failedReason ?? '',
    attempts: job.attemptsMade,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}

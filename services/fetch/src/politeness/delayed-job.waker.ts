import { Job, type Queue } from 'bullmq';

/**
 * Brings a delayed fetch job back sooner: the host limiter's `wake`. A job set aside for its
 * host's turn waits in the queue's delayed set under its id (the limiter's waiter name); when the
 * host speeds up and the turn moves up, its delay is shortened to match. A job that is no longer
 * delayed (it came back meanwhile, or is gone) is left as it is.
 */
export function delayedJobWaker(queue: Queue): (jobId: string, waitMs: number) => Promise<void> {
  return async (jobId, waitMs) => {
    const job = await Job.fromId(queue, jobId);
    if (!job || !(await job.isDelayed())) return;
    await job.changeDelay(Math.max(1, Math.round(waitMs))).catch(() => undefined); // (came back meanwhile)
  };
}

import type { Queue } from 'bullmq';

/**
 * Whether the next stage has enough work waiting that this one should hold back. Without it a
 * fast stage runs as far ahead of a slow one as its input allows: with 10,000 URLs enqueued at
 * once, fetch stored pages for thousands of articles extract had not reached, and Redis held
 * 480 MB of them at the peak (50 kB an article). With it, Redis holds at most `maxAhead` of each
 * stage's products; the rest waits as small jobs in the first queue.
 *
 * Counted: the next queue's waiting, prioritised and delayed jobs (delayed: put off while the
 * engine or the NLP server is away, still held in Redis). Read at most every `recheckMs`, shared
 * by all of a process's jobs of that stage, so the gate costs one Redis call a quarter second.
 */
export interface BacklogGate {
  /** True when the next stage has `maxAhead` or more jobs waiting. */
  full(): Promise<boolean>;
}

export function createBacklogGate(next: Pick<Queue, 'getJobCountByTypes'>, maxAhead: number, recheckMs = 250): BacklogGate {
  let last: { at: number; full: Promise<boolean> } | null = null;
  return {
    full() {
      const now = Date.now();
      if (!last || now - last.at >= recheckMs) {
        last = {
          at: now,
          full: next.getJobCountByTypes('waiting', 'prioritized', 'delayed').then(
            (n) => n >= maxAhead,
            // Redis away: the job's own Redis calls will fail and retry; the gate does not decide that
            () => false,
          ),
        };
      }
      return last.full;
    },
  };
}

import type { JobsOptions } from 'bullmq';

/** Finished jobs are kept in bounded numbers so Redis memory stays flat. */
export const RETENTION = {
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10000 },
} as const satisfies Pick<JobsOptions, 'removeOnComplete' | 'removeOnFail'>;

/** Transient failures retry with exponential backoff; permanent ones throw UnrecoverableError. */
export function retryPolicy(attempts: number, firstDelayMs: number): JobsOptions {
  return { attempts, backoff: { type: 'exponential', delay: firstDelayMs }, ...RETENTION };
}

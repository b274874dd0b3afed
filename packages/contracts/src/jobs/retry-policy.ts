import type { JobsOptions } from 'bullmq';

/**
 * Finished jobs are kept in bounded numbers so Redis memory stays flat. A completed job is
 * about 1 KB in each of four queues, and what lasts of an article is its search document and
 * its trace, so only the latest completed jobs stay (for Bull Board); failed ones, which need a
 * person, stay longer.
 */
export const RETENTION = {
  removeOnComplete: { age: 24 * 3600, count: 200 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10000 },
} as const satisfies Pick<JobsOptions, 'removeOnComplete' | 'removeOnFail'>;

/** Transient failures retry with exponential backoff; permanent ones throw UnrecoverableError. */
export function retryPolicy(attempts: number, firstDelayMs: number): JobsOptions {
  return { attempts, backoff: { type: 'exponential', delay: firstDelayMs }, ...RETENTION };
}

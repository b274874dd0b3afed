import type { z } from 'zod';
import type { QueueName } from '../queues';
import { enrichJob } from './enrich.job';
import { extractJob } from './extract.job';
import { fetchJob } from './fetch.job';
import { indexJob } from './index.job';

/** Every job type, keyed by its queue: a queue name and its payload type cannot disagree. */
export const JOBS = {
  fetch: fetchJob,
  extract: extractJob,
  enrich: enrichJob,
  index: indexJob,
} as const satisfies { [Q in QueueName]: { queue: Q } };

export type JobDefinition<Q extends QueueName> = (typeof JOBS)[Q];
export type JobPayload<Q extends QueueName> = z.infer<JobDefinition<Q>['schema']>;

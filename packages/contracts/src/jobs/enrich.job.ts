import type { z } from 'zod';
import { QUEUES } from '../queues';
import { articleRefSchema } from './article-ref';
import { retryPolicy } from './retry-policy';

/** Find entities and attributed quotations in the stored article text. */
export const enrichJob = {
  queue: QUEUES.enrich,
  version: 1,
  schema: articleRefSchema,
  options: retryPolicy(3, 1000),
} as const;

export type EnrichJob = z.infer<typeof enrichJob.schema>;

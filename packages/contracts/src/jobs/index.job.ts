import type { z } from 'zod';
import { QUEUES } from '../queues';
import { articleRefSchema } from './article-ref';
import { retryPolicy } from './retry-policy';

/**
 * Write the article into the search engine. The engine being away is the usual failure,
 * so retries are many and spread out (about 8.5 minutes in all).
 */
export const indexJob = {
  queue: QUEUES.index,
  version: 1,
  schema: articleRefSchema,
  options: retryPolicy(10, 1000),
} as const;

export type IndexJob = z.infer<typeof indexJob.schema>;

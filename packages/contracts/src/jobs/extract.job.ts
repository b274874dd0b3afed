import type { z } from 'zod';
import { QUEUES } from '../queues';
import { articleRefSchema } from './article-ref';
import { retryPolicy } from './retry-policy';

/** Turn stored page HTML into a clean article. Deterministic, so few retries. */
export const extractJob = {
  queue: QUEUES.extract,
  version: 1,
  schema: articleRefSchema,
  options: retryPolicy(3, 1000),
} as const;

export type ExtractJob = z.infer<typeof extractJob.schema>;

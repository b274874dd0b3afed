import { z } from 'zod';
import { QUEUES } from '../queues';
import { articleRefSchema } from './article-ref';
import { retryPolicy } from './retry-policy';

/** Fetch a page over HTTP and store its HTML. Network trouble is common: retry generously. */
export const fetchJob = {
  queue: QUEUES.fetch,
  version: 1,
  schema: articleRefSchema.extend({
    /** When the user asked for it (ISO); kept for the trace. */
    requestedAt: z.iso.datetime(),
  }),
  options: retryPolicy(5, 2000),
} as const;

export type FetchJob = z.infer<typeof fetchJob.schema>;

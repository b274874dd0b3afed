import { z } from 'zod';
import { QUEUES } from '../queues';
import { SOURCE_ID_PATTERN } from '../source';
import { RETENTION } from './retry-policy';

/**
 * Poll one source: read its feed, sitemaps or site, and enqueue the article URLs it lists that
 * are new (or whose lastmod moved). A document that cannot be read is the source's last error,
 * not the job's: the job fails only when Redis does, and the next scheduled poll comes anyway,
 * so it retries briefly.
 */
export const discoverJob = {
  queue: QUEUES.discover,
  version: 1,
  schema: z.object({
    v: z.literal(1),
    sourceId: z.string().regex(SOURCE_ID_PATTERN, 'sourceId must be 32 lowercase hex characters'),
  }),
  options: { attempts: 2, backoff: { type: 'exponential', delay: 5000 }, ...RETENTION },
} as const;
export type DiscoverJob = z.infer<typeof discoverJob.schema>;

/** The BullMQ job scheduler that polls a source every so often. */
export function discoverSchedulerId(sourceId: string): string {
  return `source:${sourceId}`;
}

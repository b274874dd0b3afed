import { z } from 'zod';
import { POLL_STATUSES, SOURCE_KINDS, type PollResult } from '@newsflow/contracts';
import type { SourceView } from '@newsflow/runtime';
import type { SameShape } from './same-shape.types';

const count = z.number().int().min(0);

export const sourcePollSchema = z.object({
  at: z.string(),
  ms: z.number().int(),
  status: z.enum(POLL_STATUSES).describe('partial: URLs were found, but something went wrong (see error); failed: nothing could be read'),
  error: z.string().nullable().describe('What went wrong, per document'),
  documents: count.describe('Feeds, sitemaps and pages read'),
  found: count.describe('Article URLs listed'),
  fresh: count.describe('Of those, never seen from this source, or their lastmod/updated moved'),
  enqueued: count.describe('Of those, enqueued by this poll (DISCOVER_MAX_NEW_PER_POLL at most; the rest next time)'),
});

export const sourceSchema = z.object({
  id: z.string(),
  url: z.string(),
  kind: z.enum(SOURCE_KINDS).nullable().describe('Learnt on the first poll; null until then'),
  every: z.string().describe('Poll interval, as given: 15m, 1h30m…'),
  everyMs: z.number().int(),
  addedAt: z.string(),
  endpoints: z.array(z.string()).describe('For a site: the feeds and sitemaps its last poll found'),
  lastPoll: sourcePollSchema.nullable(),
  enqueuedTotal: count.describe('URLs enqueued since the source was added'),
  nextPollAt: z.string().nullable(),
});
export type SourceBody = z.infer<typeof sourceSchema>;

export const sourceListSchema = z.object({ sources: z.array(sourceSchema).describe('Oldest first') });
export type SourceList = z.infer<typeof sourceListSchema>;

export const pollAcceptedSchema = z.object({
  id: z.string(),
  url: z.string(),
  status: z.literal('queued'),
  links: z.object({ self: z.string() }),
});
export type PollAccepted = z.infer<typeof pollAcceptedSchema>;

export const SOURCE_COMPONENTS = {
  SourcePoll: sourcePollSchema,
  Source: sourceSchema,
  SourceList: sourceListSchema,
  PollAccepted: pollAcceptedSchema,
};

const shapes: [SameShape<SourceView, SourceBody>, SameShape<PollResult, z.infer<typeof sourcePollSchema>>] = [true, true];
void shapes;

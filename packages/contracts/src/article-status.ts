import { z } from 'zod';

/** Where an article is, as users see it (`newsflow status`, GET /articles/:id). */
export const ARTICLE_STATES = ['queued', 'fetching', 'extracting', 'enriching', 'indexing', 'done', 'failed'] as const;
export type ArticleState = (typeof ARTICLE_STATES)[number];

export const traceEventSchema = z.object({
  stage: z.string(),
  event: z.enum(['queued', 'started', 'completed', 'retrying', 'postponed', 'failed']),
  at: z.string(),
  attempt: z.number().int().optional(),
  detail: z.string().optional(),
});
export type TraceEvent = z.infer<typeof traceEventSchema>;

export interface ArticleStatus {
  id: string;
  url: string;
  state: ArticleState;
  /** The stage the state refers to (fetch, extract, …), when there is one. */
  stage: string | null;
  /** Why it failed, in words a person understands. */
  reason: string | null;
  attempt: number | null;
  updatedAt: string;
  trace: TraceEvent[];
}

import { z } from 'zod';
import type { ArticleDocument } from './article-document';

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
  /**
   * The search document's id once it is indexed: it comes from the canonical URL, so it may
   * differ from the article's id (`documentIdFor`). Absent until then.
   */
  documentId?: string;
}

/**
 * The status of a done article read back from its search document, once its live record in
 * Redis has expired. The document was written while the index stage ran, so its trace ends
 * with that stage's start; the write itself (`indexedAt`) closes it.
 */
export function statusFromDocument(doc: Pick<ArticleDocument, 'id' | 'url' | 'indexedAt' | 'trace'>): ArticleStatus {
  const trace = [...(doc.trace ?? [])];
  const last = trace.at(-1);
  if (last?.stage === 'index' && last.event === 'started') {
    trace.push({ stage: 'index', event: 'completed', at: doc.indexedAt, attempt: last.attempt, detail: 'indexed' });
  }
  return { id: doc.id, url: doc.url, state: 'done', stage: 'index', reason: null, attempt: null, updatedAt: doc.indexedAt, trace, documentId: doc.id };
}

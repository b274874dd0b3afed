import type { ArticleDocument } from './article-document';
import type { TraceEvent } from './trace-event';

/** Where an article is, as users see it (`newsflow status`, GET /articles/:id). */
export const ARTICLE_STATES = ['queued', 'fetching', 'extracting', 'enriching', 'indexing', 'done', 'failed'] as const;
export type ArticleState = (typeof ARTICLE_STATES)[number];

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
 * Redis has expired. The document was written while the index stage ran, so its trace holds that
 * attempt's start but not its end; the write itself (`indexedAt`) closes it.
 *
 * Steps are closed by attempt, not by position: events from different workers can land in Redis
 * out of order (the index job may start before the enrich job has recorded its end), so the
 * index start is not always the trace's last event.
 */
export function statusFromDocument(doc: Pick<ArticleDocument, 'id' | 'url' | 'indexedAt' | 'trace'>): ArticleStatus {
  const trace = [...(doc.trace ?? [])];
  const attempt = openAttemptOf(trace, 'index');
  if (attempt !== undefined) {
    trace.push({ stage: 'index', event: 'completed', at: doc.indexedAt, ...(attempt === null ? {} : { attempt }), detail: 'indexed' });
  }
  return {
    id: doc.id,
    url: doc.url,
    state: 'done',
    stage: 'index',
    reason: null,
    attempt: null,
    updatedAt: doc.indexedAt,
    trace,
    documentId: doc.id,
  };
}

/**
 * The attempt of a stage's latest start when no end of that same attempt follows it, wherever
 * other stages' events fall in between; undefined when there is no such start (null: a start
 * recorded without an attempt number). The latest start, not the highest attempt: a document
 * enriched again keeps its earlier run's trace, whose index attempt may have been a later one.
 */
export function openAttemptOf(trace: readonly TraceEvent[], stage: string): number | null | undefined {
  let start = -1;
  for (let i = 0; i < trace.length; i++) if (trace[i]?.stage === stage && trace[i]?.event === 'started') start = i;
  if (start < 0) return undefined;
  const attempt = trace[start]?.attempt ?? null;
  const ended = trace
    .slice(start + 1)
    .some((e) => e.stage === stage && e.event !== 'queued' && e.event !== 'started' && (e.attempt ?? null) === attempt);
  return ended ? undefined : attempt;
}

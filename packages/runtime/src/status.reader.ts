import { statusFromDocument, type ArticleDocument, type ArticleStatus } from '@newsflow/contracts';
import type { StatusStore } from './status.store';

/** Where done articles are kept for good: the search index (a narrow view of it). */
export interface DocumentLookup {
  get(id: string): Promise<ArticleDocument | null>;
}

/**
 * An article's status: the live record in Redis while it is in flight (or failed, or just
 * done), else — once that has expired — its search document's. A search engine that is away
 * makes this an unknown article, not an error: the live record is what matters then.
 */
export async function readArticleStatus(
  id: string,
  status: Pick<StatusStore, 'get'>,
  documents: DocumentLookup,
): Promise<ArticleStatus | null> {
  const live = await status.get(id);
  if (live) return live;
  const doc = await documents.get(id).catch(() => null);
  // Asked by a job id that reached the document: the answer is still about that id.
  return doc ? { ...statusFromDocument(doc), id } : null;
}

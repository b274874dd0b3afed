import type { ExtractedArticle } from '@newsflow/extraction';

/** What extract leaves for enrich and index: the article plus where and when it was fetched. */
export interface StoredArticle extends ExtractedArticle {
  url: string;
  finalUrl: string;
  fetchedAt: string;
}

import type { ExtractedArticle } from '@newsflow/extraction';

/** What extract leaves for enrich and index: the article plus where and when it was fetched. */
export interface StoredArticle extends Omit<ExtractedArticle, 'langTag'> {
  url: string;
  finalUrl: string;
  fetchedAt: string;
  /** Absent from articles stored by versions before it (and documents indexed before it): `lang` then holds the whole tag. */
  langTag?: string | null;
}

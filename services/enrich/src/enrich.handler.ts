import { enrichText, type Enrichment } from '@newsflow/nlp';
import { PermanentError, type BlobStore, type StageHandler } from '@newsflow/runtime';
import type { StoredArticle } from '@newsflow/service-extract';

export interface EnrichHandlerDeps {
  blobs: Pick<BlobStore, 'get' | 'put'>;
}

/** Finds entities and attributed quotations in the article's clean text. */
export function createEnrichHandler({ blobs }: EnrichHandlerDeps): StageHandler<'enrich'> {
  return async (payload) => {
    const article = await blobs.get<StoredArticle>('article', payload.id);
    if (!article) {
      throw new PermanentError('the extracted article is no longer in the store (it expired); enqueue the URL again', 'article-missing');
    }
    const enrichment: Enrichment = enrichText(article.text);
    await blobs.put('enrichment', payload.id, enrichment);
  };
}

import type { ArticleDocument } from '@newsflow/contracts';
import type { Enrichment } from '@newsflow/nlp';
import { PermanentError, type BlobStore, type StageHandler } from '@newsflow/runtime';
import type { BulkItemResult } from '@newsflow/search';
import type { StoredArticle } from '@newsflow/service-extract';
import { buildArticleDocument } from './article-document.builder';
import type { Batcher } from './bulk.batcher';

export interface IndexHandlerDeps {
  blobs: Pick<BlobStore, 'get' | 'expireSoon'>;
  bulk: Pick<Batcher<ArticleDocument, BulkItemResult>, 'add'>;
  /** Once indexed, the article's blobs are kept this much longer, for a retry or a look. */
  keepBlobsSeconds: number;
}

export class IndexItemError extends Error {
  override readonly name = 'IndexItemError';
}

/** Writes the article's document (id = URL hash, so a re-crawl overwrites it) through the bulk batcher. */
export function createIndexHandler({ blobs, bulk, keepBlobsSeconds }: IndexHandlerDeps): StageHandler<'index'> {
  return async (payload) => {
    const [article, enrichment] = await Promise.all([
      blobs.get<StoredArticle>('article', payload.id),
      blobs.get<Enrichment>('enrichment', payload.id),
    ]);
    if (!article || !enrichment) {
      throw new PermanentError('the article or its enrichment is no longer in the store (it expired); enqueue the URL again', 'article-missing');
    }
    const result = await bulk.add(buildArticleDocument(payload.id, article, enrichment));
    if (result.error) {
      const reason = `search engine refused the document (${result.status} ${result.error.type}: ${result.error.reason})`;
      // 429 (engine busy) and 5xx are worth retrying; a mapping error will fail the same way again.
      if (result.status === 429 || result.status >= 500) throw new IndexItemError(reason);
      throw new PermanentError(reason, 'index-rejected');
    }
    await blobs.expireSoon(payload.id, keepBlobsSeconds);
  };
}

import { ExtractionError, extractArticle, type DomChoice } from '@newsflow/extraction';
import { PermanentError, type BlobStore, type StageHandler } from '@newsflow/runtime';
import type { StoredPage } from '@newsflow/service-fetch';
import type { StoredArticle } from './stored-article';

export interface ExtractHandlerDeps {
  blobs: Pick<BlobStore, 'get' | 'put'>;
  dom: DomChoice;
}

/** Turns the stored page into a clean article with its metadata. */
export function createExtractHandler({ blobs, dom }: ExtractHandlerDeps): StageHandler<'extract'> {
  return async (payload) => {
    const page = await blobs.get<StoredPage>('page', payload.id);
    if (!page) {
      throw new PermanentError('the fetched page is no longer in the store (it expired); enqueue the URL again', 'page-missing');
    }
    let article;
    try {
      article = extractArticle(page.html, { url: page.finalUrl, dom });
    } catch (err) {
      if (err instanceof ExtractionError) throw new PermanentError(err.message, err.code);
      throw err;
    }
    const stored: StoredArticle = { ...article, url: page.url, finalUrl: page.finalUrl, fetchedAt: page.fetchedAt };
    await blobs.put('article', payload.id, stored);
  };
}

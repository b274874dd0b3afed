import { resolveUrlInput } from '@newsflow/contracts';
import { PermanentError, type BlobStore, type StageHandler } from '@newsflow/runtime';
import { isFetchFailure, type PageFetcher } from './http';
import type { StoredPage } from './stored-page';

export interface FetchHandlerDeps {
  fetcher: Pick<PageFetcher, 'fetchPage'>;
  blobs: Pick<BlobStore, 'put'>;
}

/** Fetches the page and stores its HTML under the article id; failures keep the fetcher's reason. */
export function createFetchHandler({ fetcher, blobs }: FetchHandlerDeps): StageHandler<'fetch'> {
  return async (payload) => {
    const input = resolveUrlInput(payload.url);
    if (!input.ok) throw new PermanentError(input.error, 'invalid-url');
    try {
      const page = await fetcher.fetchPage(input.url);
      const stored: StoredPage = {
        url: input.url,
        finalUrl: page.finalUrl,
        status: page.status,
        contentType: page.contentType,
        charset: page.charset,
        html: page.html,
        etag: page.etag,
        lastModified: page.lastModified,
        fetchedAt: new Date().toISOString(),
      };
      await blobs.put('page', payload.id, stored);
      return { status: page.status, bytes: page.html.length, redirects: page.redirects.length };
    } catch (err) {
      if (isFetchFailure(err) && err.permanent) throw new PermanentError(err.message, err.code);
      throw err;
    }
  };
}

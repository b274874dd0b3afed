import { describe, expect, it } from 'vitest';
import { silentLogger } from '@newsflow/runtime';
import { storedArticle, storedPage } from '../../../test/support/stored-article';
import { createExtractHandler } from './extract.handler';

const page = storedPage({ html: '<html><body><article><p>Text.</p></article></body></html>' });

describe('extract handler', () => {
  it('stores the article, then keeps the page only a short while (no later stage reads it)', async () => {
    const calls: string[] = [];
    const { url: _url, finalUrl: _finalUrl, fetchedAt: _fetchedAt, ...extracted } = storedArticle();
    const handler = createExtractHandler({
      blobs: {
        getWithRawBytes: async (kind) => (kind === 'page' ? page : null) as never,
        put: async (kind) => void calls.push(`put ${kind}`),
        expireSoon: async (id, seconds, kinds) => void calls.push(`expire ${id} ${seconds}s ${kinds?.join(',')}`),
      },
      pool: { run: async () => ({ ok: true, article: { ...extracted, langTag: extracted.langTag ?? null } }) },
      dom: 'linkedom',
      keepPageSeconds: 60,
    });
    await handler({ v: 1, id: 'a1', url: page.url }, { job: {} as never, token: undefined, logger: silentLogger(), attempt: 1 });
    expect(calls).toEqual(['put article', 'expire a1 60s page']);
  });

  it('keeps the page when extraction fails (nothing stored, the page untouched)', async () => {
    const calls: string[] = [];
    const handler = createExtractHandler({
      blobs: {
        getWithRawBytes: async () => page as never,
        put: async (kind) => void calls.push(`put ${kind}`),
        expireSoon: async () => void calls.push('expire'),
      },
      pool: { run: async () => ({ ok: false, code: 'not-article', message: 'no article on this page' }) },
      dom: 'linkedom',
      keepPageSeconds: 60,
    });
    await expect(
      handler({ v: 1, id: 'a2', url: page.url }, { job: {} as never, token: undefined, logger: silentLogger(), attempt: 1 }),
    ).rejects.toThrow(/no article on this page/);
    expect(calls).toEqual([]);
  });
});

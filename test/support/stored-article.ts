import type { StoredArticle, StoredPage } from '@newsflow/contracts';

/**
 * A stored article (what extract leaves for enrich and index) for tests: the contract's every
 * field with plain values, and the fields a test is about given in `over`.
 */
export function storedArticle(over: Partial<StoredArticle> = {}): StoredArticle {
  const text = over.text ?? 'Text.';
  return {
    url: 'https://e.com/a',
    finalUrl: 'https://e.com/a',
    fetchedAt: '2024-04-26T00:00:00.000Z',
    title: 'T',
    byline: null,
    authors: [],
    publishedAt: null,
    modifiedAt: null,
    siteName: null,
    lang: 'en',
    canonicalUrl: null,
    image: null,
    section: null,
    keywords: [],
    access: 'free',
    excerpt: null,
    text,
    html: `<p>${text}</p>`,
    wordCount: text.split(/\s+/).filter(Boolean).length,
    sources: {},
    ...over,
  };
}

/** A stored page (what fetch leaves for extract) for tests, with `over` for what a test is about. */
export function storedPage(over: Partial<StoredPage> = {}): StoredPage {
  return {
    url: 'https://news.example/a',
    finalUrl: 'https://news.example/a',
    status: 200,
    contentType: 'text/html',
    charset: 'utf-8',
    html: '<html><body><p>Text.</p></body></html>',
    etag: null,
    lastModified: null,
    fetchedAt: '2026-12-02T10:00:00.000Z',
    ...over,
  };
}

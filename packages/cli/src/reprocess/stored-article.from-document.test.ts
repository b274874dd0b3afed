import { describe, expect, it } from 'vitest';
import type { ArticleDocument } from '@newsflow/contracts';
import type { Enrichment } from '@newsflow/nlp';
import type { StoredArticle } from '@newsflow/contracts';
import { buildArticleDocument } from '@newsflow/service-index';
import { storedArticleFromDocument } from './stored-article.from-document';

const crawled: StoredArticle = {
  url: 'https://t.example.com/s/1',
  finalUrl: 'https://www.example.com/news/story?ref=home',
  fetchedAt: '2024-04-26T08:00:00.000Z',
  title: 'Harbour plan approved',
  byline: 'By Jane Roe',
  authors: ['Jane Roe'],
  publishedAt: '2024-04-25T22:00:00.000Z',
  modifiedAt: '2024-04-26T01:00:00.000Z',
  siteName: 'Example News',
  lang: 'en',
  langTag: 'en-GB',
  canonicalUrl: 'https://www.example.com/news/story',
  image: { url: 'https://www.example.com/pier.jpg', caption: 'The pier' },
  section: 'Local',
  keywords: ['harbour', 'council'],
  access: 'free',
  excerpt: 'The council approved it.',
  text: '“We are ready,” Mayor Ann Lee said.\n\nThe council met on Monday.',
  html: '<p>“We are ready,” Mayor Ann Lee said.</p><p>The council met on Monday.</p>',
  wordCount: 12,
  sources: { title: 'jsonld' },
};

const stale: Enrichment = { entities: [{ name: 'Ann', type: 'LOCATION', mentions: [{ text: 'Ann', start: 0, end: 3 }] }], quotes: [] };
const fresh: Enrichment = {
  entities: [{ name: 'Ann Lee', type: 'PERSON', mentions: [{ text: 'Ann Lee', start: 25, end: 32 }] }],
  quotes: [{ text: 'We are ready', start: 1, end: 13, kind: 'direct', cue: 'said', speaker: 'Ann Lee', speakerType: 'PERSON' }],
};

/** What only the enrichment (and the time of writing) decides. */
const ENRICHED = ['entities', 'quotes', 'people', 'organizations', 'locations', 'speakers', 'quoteLines', 'indexedAt'] as const;
const withoutEnrichment = (doc: ArticleDocument) => {
  const copy: Partial<ArticleDocument> = { ...doc };
  for (const f of ENRICHED) delete copy[f];
  return copy;
};

describe('storedArticleFromDocument', () => {
  it('gives back the article the index stage rebuilds the same document from, with only the enrichment new', () => {
    const jobId = 'a'.repeat(32);
    const indexed = buildArticleDocument(jobId, crawled, stale, [], new Date('2024-04-26T08:00:05Z'));
    const made = storedArticleFromDocument(indexed);
    if (!made.ok) throw new Error(made.reason);

    // The reprocess job runs under the document's own id.
    const rebuilt = buildArticleDocument(indexed.id, made.article, fresh, []);
    expect(withoutEnrichment(rebuilt)).toEqual({ ...withoutEnrichment(indexed), urlIds: [indexed.id] });
    expect(rebuilt.people).toEqual(['Ann Lee']);
    expect(rebuilt.speakers).toEqual(['Ann Lee']);
    expect(rebuilt.locations).toEqual([]);
  });

  it('keeps what an older document lacks empty, as it was', () => {
    const made = storedArticleFromDocument({
      id: 'b'.repeat(32),
      url: 'https://x.example/a',
      finalUrl: 'https://x.example/a',
      fetchedAt: '2023-01-01T00:00:00Z',
      text: 'Hi.',
    });
    expect(made).toMatchObject({ ok: true, article: { section: null, keywords: [], html: '', title: '', image: null, access: 'free' } });
  });

  it('refuses a document without the text or the addresses to rebuild it from', () => {
    expect(storedArticleFromDocument({ id: 'c'.repeat(32), url: 'https://x.example/a' })).toEqual({
      ok: false,
      reason: 'the document has no finalUrl, fetchedAt, text',
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticleIndex, type ArticleIndex, type SearchEnginePort } from '@newsflow/search';
import type { StoredArticle } from '@newsflow/contracts';
import { openTestEngine } from '../../../test/support/test-engine';
import { uniqueName } from '../../../test/support/services';
import { buildArticleDocument } from './article-document.builder';

function stored(n: number, over: Partial<StoredArticle>): StoredArticle {
  const url = `https://news${n}.example.com/story-${n}`;
  return {
    url,
    finalUrl: url,
    fetchedAt: '2024-03-20T10:00:00.000Z',
    title: `Story ${n}`,
    byline: null,
    authors: [],
    publishedAt: null,
    modifiedAt: null,
    siteName: null,
    lang: 'en',
    langTag: 'en',
    canonicalUrl: null,
    image: null,
    section: null,
    keywords: [],
    access: 'free',
    excerpt: null,
    text: 'The council met.',
    html: '<p>The council met.</p>',
    wordCount: 3,
    sources: {},
    ...over,
  };
}

const build = (n: number, over: Partial<StoredArticle>) =>
  buildArticleDocument(String(n).repeat(32), stored(n, over), { entities: [], quotes: [] });

// On the real engine: dates as pages give them (a day alone, a local time, a zone) go through
// the strict mapping; an article without a publication date is filed, sorted and filtered by its
// modification date or its fetch, and says so; the language facet counts primary languages.
describe('article dates and languages in the index', () => {
  let engine: SearchEnginePort;
  let index: ArticleIndex;
  let closeEngine: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ engine, close: closeEngine } = await openTestEngine('opensearch'));
    index = createArticleIndex(engine, uniqueName('idx-dates'));
    await index.ensure();
    const written = await index.write(
      [
        build(1, { publishedAt: '2024-03-12T14:30:00+01:00', modifiedAt: '2024-03-13T09:05:00+01:00', lang: 'de', langTag: 'de-DE' }),
        build(2, { modifiedAt: '2024-03-13', lang: 'en', langTag: 'en-GB' }),
        build(3, { lang: 'en', langTag: 'en-US' }),
        build(4, { publishedAt: '2024-03-10T09:15:00' }),
      ],
      { refresh: true },
    );
    expect(written.map((r) => r.error)).toEqual([null, null, null, null]);
  });
  afterAll(async () => {
    await index?.drop();
    await closeEngine();
  });

  const titles = (hits: { source: unknown }[]) => hits.map((h) => (h.source as { title: string }).title);

  it('keeps each date as the page gave it and says where the article date came from', async () => {
    const found = await index.search({ all: true, sort: 'date' });
    expect(found.hits.map((h) => h.source)).toEqual([
      expect.objectContaining({
        title: 'Story 3',
        publishedAt: null,
        modifiedAt: null,
        date: '2024-03-20T10:00:00.000Z',
        dateSource: 'fetched',
      }),
      expect.objectContaining({ title: 'Story 2', publishedAt: null, date: '2024-03-13', dateSource: 'modified' }),
      expect.objectContaining({ title: 'Story 1', publishedAt: '2024-03-12T14:30:00+01:00', dateSource: 'published' }),
      expect.objectContaining({ title: 'Story 4', publishedAt: '2024-03-10T09:15:00', dateSource: 'published' }),
    ]);
  });

  it('filters by the article date, which is the fetch for an article that gives no date', async () => {
    expect(titles((await index.search({ all: true, since: '2024-03-13', sort: 'date' })).hits)).toEqual(['Story 3', 'Story 2']);
    expect(titles((await index.search({ all: true, until: '2024-03-12T23:59:59Z', sort: 'date' })).hits)).toEqual(['Story 1', 'Story 4']);
  });

  it('counts and filters primary languages, the whole tag kept beside', async () => {
    const found = await index.search({ all: true, facets: true });
    const languages = (found.aggregations.languages as { buckets: { key: string; doc_count: number }[] }).buckets;
    expect(languages.map((b) => [b.key, b.doc_count])).toEqual([
      ['en', 3],
      ['de', 1],
    ]);
    const english = await index.search({ all: true, lang: 'en', sort: 'date' });
    expect(english.hits.map((h) => (h.source as { langTag: string }).langTag)).toEqual(['en-US', 'en-GB', 'en']);
  });
});

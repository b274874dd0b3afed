import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticleIndex, type ArticleIndex, type SearchEnginePort } from '@newsflow/search';
import type { StoredArticle } from '@newsflow/contracts';
import { openTestEngine } from '../../../test/support/test-engine';
import { uniqueName } from '../../../test/support/services';
import { buildArticleDocument } from './article-document.builder';
import { storedArticle } from '../../../test/support/stored-article';

function stored(finalUrl: string, canonicalUrl: string | null, siteName: string | null): StoredArticle {
  return storedArticle({
    url: finalUrl,
    finalUrl,
    title: 'Talks in Beijing',
    publishedAt: '2024-04-26T08:00:00.000Z',
    siteName,
    canonicalUrl,
    text: 'The ministers met.',
  });
}

// On the real engine: a page claiming another site's address is neither listed (facet) nor found
// (filter) under that site.
describe('the site of a document built from a page that claims another site', () => {
  let engine: SearchEnginePort;
  let index: ArticleIndex;
  let closeEngine: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ engine, close: closeEngine } = await openTestEngine('opensearch'));
    index = createArticleIndex(engine, uniqueName('idx-site'));
    await index.ensure();
    const genuine = buildArticleDocument(
      'a'.repeat(32),
      stored('https://www.bbc.co.uk/news/world-1', 'https://www.bbc.co.uk/news/world-1', 'BBC News'),
      { entities: [], quotes: [] },
    );
    // No name of its own: extraction names it after its canonical URL's host, bbc.co.uk.
    const claimer = buildArticleDocument(
      'b'.repeat(32),
      stored('https://copycat.example/world-1', 'https://www.bbc.co.uk/news/world-1', 'bbc.co.uk'),
      { entities: [], quotes: [] },
    );
    expect(claimer.id).not.toBe(genuine.id);
    const written = await index.write([genuine, claimer], { refresh: true });
    expect(written.map((r) => r.error)).toEqual([null, null]);
  });
  afterAll(async () => {
    await index?.drop();
    await closeEngine();
  });

  it('lists it under the host it was fetched from', async () => {
    const found = await index.search({ facets: true });
    const sites = (found.aggregations.sites as { buckets: { key: string; doc_count: number }[] }).buckets;
    expect(sites.map((b) => [b.key, b.doc_count]).sort()).toEqual([
      ['bbc.co.uk', 1],
      ['copycat.example', 1],
    ]);
  });

  it('finds only the genuine article under the claimed site (?site= matches sites and site names)', async () => {
    const claimed = await index.search({ site: 'bbc.co.uk' });
    expect(claimed.hits.map((h) => (h.source as { finalUrl: string }).finalUrl)).toEqual(['https://www.bbc.co.uk/news/world-1']);
    const own = await index.search({ site: 'copycat.example' });
    expect(own.hits.map((h) => h.source as { canonicalUrl: string | null; siteName: string | null })).toEqual([
      expect.objectContaining({ canonicalUrl: null, siteName: 'copycat.example' }),
    ]);
  });
});

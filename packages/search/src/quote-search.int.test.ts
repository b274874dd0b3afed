import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDocument, QuoteField } from '@newsflow/contracts';
import { openTestEngine } from '../../../test/support/test-engine';
import { uniqueName } from '../../../test/support/services';
import { createArticleIndex, type ArticleIndex } from './article.index';
import type { SearchFlavor } from './search.factory';
import type { SearchEnginePort } from './search.port';

const quote = (text: string, speaker: string | null): QuoteField => ({
  text,
  speaker,
  speakerType: speaker ? 'PERSON' : null,
  kind: 'direct',
  cue: 'said',
});

function doc(n: number, date: string, quotes: QuoteField[], site = 'news.example.com'): ArticleDocument {
  const id = String(n).repeat(32).slice(0, 32);
  return {
    id,
    url: `https://${site}/${n}`,
    finalUrl: `https://${site}/${n}`,
    canonicalUrl: null,
    site,
    siteName: 'Example News',
    title: `Article ${n}`,
    byline: null,
    authors: [],
    publishedAt: date,
    modifiedAt: null,
    date,
    dateSource: 'published',
    lang: 'en',
    langTag: 'en-GB',
    section: null,
    keywords: [],
    access: 'free',
    image: null,
    excerpt: null,
    text: 'Text.',
    html: '<p>Text.</p>',
    wordCount: 1,
    entities: [],
    quotes,
    people: [],
    organizations: [],
    locations: [],
    speakers: quotes.flatMap((q) => (q.speaker ? [q.speaker] : [])),
    fetchedAt: date,
    indexedAt: date,
  };
}

describe.each<SearchFlavor>(['opensearch', 'elasticsearch'])('quotation search through the %s adapter', (flavor) => {
  let engine: SearchEnginePort;
  let index: ArticleIndex;
  let closeEngine: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ engine, close: closeEngine } = await openTestEngine(flavor));
    index = createArticleIndex(engine, uniqueName(`idx-q-${flavor}`));
    await index.ensure();
    await index.write(
      [
        doc(1, '2024-04-26T08:00:00.000Z', [
          quote('And the relationship is facing all kinds of disruptions', 'Wang Yi'),
          quote('We are concerned about the support', 'Antony Blinken'),
          quote('The relationship matters to the world', 'Antony Blinken'),
        ]),
        doc(
          2,
          '2024-04-20T08:00:00.000Z',
          [quote('Trade talks went well', 'Wang Yi'), quote('An unattributed remark', null)],
          'other.example.org',
        ),
        doc(3, '2024-03-01T08:00:00.000Z', []),
      ],
      { refresh: true },
    );
  });
  afterAll(async () => {
    await index?.drop();
    await closeEngine();
  });

  it('returns every quotation with its article, newest article first, in article order', async () => {
    const found = await index.searchQuotes({ facets: true });
    expect(found.total).toBe(5);
    expect(found.quotes.map((q) => q.text)).toEqual([
      'And the relationship is facing all kinds of disruptions',
      'We are concerned about the support',
      'The relationship matters to the world',
      'Trade talks went well',
      'An unattributed remark',
    ]);
    expect(found.quotes[3]!.article).toEqual({
      id: '2'.repeat(32),
      title: 'Article 2',
      url: 'https://other.example.org/2',
      date: '2024-04-20T08:00:00.000Z',
      dateSource: 'published',
      site: 'other.example.org',
      siteName: 'Example News',
    });
    expect(found.facets.speakers).toEqual(
      expect.arrayContaining([
        { key: 'Wang Yi', count: 2 },
        { key: 'Antony Blinken', count: 2 },
      ]),
    );
  });

  it('pages over quotations, not articles', async () => {
    const page = await index.searchQuotes({ from: 2, size: 2 });
    expect(page.total).toBe(5);
    expect(page.quotes.map((q) => q.text)).toEqual(['The relationship matters to the world', 'Trade talks went well']);
    expect((await index.searchQuotes({ from: 5, size: 2 })).quotes).toEqual([]);
  });

  it('filters by words, speaker (any case) and date, and highlights the words', async () => {
    const found = await index.searchQuotes({ q: 'relationship', speaker: 'wang yi', facets: true });
    expect(found.total).toBe(1);
    expect(found.quotes[0]).toMatchObject({
      speaker: 'Wang Yi',
      highlight: 'And the <mark>relationship</mark> is facing all kinds of disruptions',
    });
    // The speaker list ignores the chosen speaker, so the others stay on offer.
    expect(found.facets.speakers.map((s) => s.key).sort()).toEqual(['Antony Blinken', 'Wang Yi']);
    expect((await index.searchQuotes({ speaker: 'Wang Yi', since: '2024-04-21' })).quotes.map((q) => q.text)).toEqual([
      'And the relationship is facing all kinds of disruptions',
    ]);
    expect((await index.searchQuotes({ site: 'other.example.org' })).total).toBe(2);
    expect((await index.searchQuotes({ q: 'nothing-like-this' })).total).toBe(0);
  });
});

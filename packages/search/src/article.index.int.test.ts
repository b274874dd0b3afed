import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDocument } from '@newsflow/contracts';
import type { EsCompatProxy } from '../../../test/support/es-compat-proxy';
import { openTestEngine } from '../../../test/support/test-engine';
import { uniqueName } from '../../../test/support/services';
import { createArticleIndex, type ArticleIndex } from './article.index';
import { articleIndexTemplate } from './article.template';
import type { SearchFlavor } from './search.factory';
import type { SearchEnginePort } from './search.port';

function doc(id: string, over: Partial<ArticleDocument> = {}): ArticleDocument {
  const now = new Date().toISOString();
  return {
    id,
    url: `https://news.example.com/${id}`,
    finalUrl: `https://news.example.com/${id}`,
    canonicalUrl: null,
    site: 'news.example.com',
    siteName: 'Example News',
    title: 'Talks in Beijing',
    byline: null,
    authors: ['Jane Roe'],
    publishedAt: '2024-04-26T08:00:00.000Z',
    modifiedAt: null,
    date: '2024-04-26T08:00:00.000Z',
    lang: 'en',
    section: null,
    keywords: [],
    access: 'free',
    image: null,
    excerpt: null,
    text: 'The ministers discussed relationships and trade.',
    html: '<p>The ministers discussed relationships and trade.</p>',
    wordCount: 6,
    entities: [{ name: 'Wang Yi', type: 'PERSON', mentions: ['Wang Yi', 'Wang'], mentionCount: 2 }],
    quotes: [
      {
        text: 'And the relationship is facing all kinds of disruptions',
        speaker: 'Wang Yi',
        speakerType: 'PERSON',
        kind: 'direct',
        cue: 'told',
      },
      { text: 'more needs to be done', speaker: 'Antony Blinken', speakerType: 'PERSON', kind: 'partial', cue: 'said' },
    ],
    people: ['Wang Yi', 'Antony Blinken'],
    organizations: [],
    locations: ['China'],
    speakers: ['Wang Yi', 'Antony Blinken'],
    fetchedAt: now,
    indexedAt: now,
    ...over,
  };
}

// The OpenSearch adapter runs against the local engine directly; the Elasticsearch adapter runs
// against it through a proxy posing as an Elasticsearch 8.x server, then as a 9.x one: it refuses
// the media types that server refuses, with its error, and tells its version at GET /.
const runs: { name: string; flavor: SearchFlavor; poseAs?: 8 | 9 }[] = [
  { name: 'opensearch', flavor: 'opensearch' },
  { name: 'elasticsearch (an 8.x server)', flavor: 'elasticsearch', poseAs: 8 },
  { name: 'elasticsearch (a 9.x server)', flavor: 'elasticsearch', poseAs: 9 },
];

describe.each(runs)('article index through the $name adapter', ({ flavor, poseAs }) => {
  let engine: SearchEnginePort;
  let proxy: EsCompatProxy | null = null;
  let index: ArticleIndex;
  let closeEngine: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ engine, proxy, close: closeEngine } = await openTestEngine(flavor, { poseAs }));
    index = createArticleIndex(engine, uniqueName(`idx-${flavor}${poseAs ?? ''}`));
    await index.ensure();
    await index.ensure(); // idempotent: every process calls it at start
  });
  afterAll(async () => {
    await index?.drop();
    await closeEngine();
  });

  it('writes through the alias, updates instead of duplicating, and reads back', async () => {
    const a = 'a'.repeat(32);
    expect((await index.write([doc(a), doc('b'.repeat(32), { title: 'Other', quotes: [], speakers: [] })])).map((r) => r.error)).toEqual([
      null,
      null,
    ]);
    const again = await index.write([doc(a, { title: 'Talks in Beijing, updated' })], { refresh: true });
    expect(again[0]).toMatchObject({ id: a, status: 200, error: null });
    expect((await index.get(a))?.title).toBe('Talks in Beijing, updated');
    expect(await index.get('c'.repeat(32))).toBeNull();
    expect((await index.search({})).total).toBe(2);
  });

  it('answers "quotes by Wang Yi containing relationship" in one query, case-insensitively on the name', async () => {
    const found = await index.search({ q: 'relationship', speaker: 'wang yi' });
    expect(found.total).toBe(1);
    const quotes = found.hits[0]!.innerHits.quotes!.map((q) => q.source);
    expect(quotes).toEqual([expect.objectContaining({ speaker: 'Wang Yi', text: expect.stringContaining('relationship') })]);
    // Another speaker's quotations do not carry the words: the article matches, no quotation does.
    const other = await index.search({ q: 'relationship', speaker: 'Antony Blinken' });
    expect(other.hits[0]?.innerHits.quotes ?? []).toEqual([]);
    expect((await index.search({ speaker: 'Nobody Atall' })).total).toBe(0);
  });

  it('filters, facets and highlights', async () => {
    const found = await index.search({ q: 'relationships', person: 'Antony Blinken', since: '2024-01-01', facets: true });
    expect(found.total).toBe(2);
    expect(JSON.stringify(found.hits[0]!.highlight)).toContain('<mark>');
    const people = (found.aggregations.people as { buckets: { key: string }[] }).buckets.map((b) => b.key);
    expect(people).toEqual(expect.arrayContaining(['Wang Yi', 'Antony Blinken']));
    expect((await index.search({ since: '2030-01-01' })).total).toBe(0);
  });

  it('adds fields introduced since an existing index was made, on the next start', async () => {
    const old = createArticleIndex(engine, uniqueName(`idx-${flavor}-old`));
    try {
      // An index as an older version made it: its template had no quoteLines or source field.
      const older = articleIndexTemplate(old.alias) as { template: { mappings: { properties: Record<string, unknown> } } };
      delete older.template.mappings.properties.quoteLines;
      delete older.template.mappings.properties.source;
      await engine.putIndexTemplate(`${old.alias}-template`, older as unknown as Record<string, unknown>);
      await engine.createIndex(`${old.alias}-000001`, { aliases: { [old.alias]: { is_write_index: true } } });
      const newer = doc('f'.repeat(32), {
        quoteLines: ['Wang Yi: “x”'],
        source: { id: '3'.repeat(32), url: 'https://news.example.com/feed.xml' },
      });
      expect((await old.write([newer]))[0]!.status).toBe(400);
      await old.ensure();
      expect((await old.write([newer]))[0]!.error).toBeNull();
    } finally {
      await old.drop();
    }
  });

  it('reports a document the mapping refuses as an item error, and indexes the rest', async () => {
    const bad = { ...doc('d'.repeat(32)), surprise: 'field' } as unknown as ArticleDocument;
    const results = await index.write([bad, doc('e'.repeat(32))]);
    expect(results[0]!.status).toBe(400);
    expect(results[0]!.error?.type).toMatch(/strict_dynamic_mapping_exception/);
    expect(results[1]!.error).toBeNull();
  });

  it('keeps one document for one article enqueued under two URLs, found by either job id', async () => {
    const article = '9'.repeat(32);
    const [jobA, jobB] = ['1'.repeat(32), '2'.repeat(32)];
    await index.write([doc(article, { urlIds: [jobA] })]);
    await index.write([doc(article, { urlIds: [jobB], title: 'Talks in Beijing, second crawl' })], { refresh: true });
    const byA = await index.get(jobA);
    expect(byA).toMatchObject({ id: article, title: 'Talks in Beijing, second crawl', urlIds: [jobA, jobB] });
    expect((await index.get(jobB))?.id).toBe(article);
    expect((await index.get(article))?.urlIds).toEqual([jobA, jobB]);
    // A job id seen again is not repeated.
    await index.write([doc(article, { urlIds: [jobA] })], { refresh: true });
    expect((await index.get(article))?.urlIds).toEqual([jobA, jobB]);
    expect((await index.search({ q: 'second crawl' })).hits.filter((h) => h.id === article)).toHaveLength(0); // the last write replaced the title
  });

  it('keeps the source a document was found by when a crawl by hand rewrites it, and filters by source', async () => {
    const article = '8'.repeat(32);
    const feed = { id: '4'.repeat(32), url: 'https://news.example.com/feed.xml' };
    const sitemap = { id: '5'.repeat(32), url: 'https://news.example.com/sitemap.xml' };
    await index.write([doc(article, { source: feed })], { refresh: true });
    expect((await index.search({ source: feed.id, all: true })).hits.map((h) => h.id)).toEqual([article]);
    await index.write([doc(article, { title: 'Re-crawled by hand' })], { refresh: true });
    expect(await index.get(article)).toMatchObject({ title: 'Re-crawled by hand', source: feed });
    // Another source listing it later is the one that found it last.
    await index.write([doc(article, { source: sitemap })], { refresh: true });
    expect((await index.get(article))?.source).toEqual(sitemap);
    expect((await index.search({ source: feed.id, all: true })).total).toBe(0);
    expect((await index.search({ source: sitemap.id, all: true })).total).toBe(1);
  });

  // Last, so that it sees every call above: the adapter asked the server's version once, then
  // sent every request in that major's media types, and the server refused none. (Elasticsearch
  // runs only: OpenSearch has no versioned media types, and its run has no proxy to read.)
  if (poseAs !== undefined) {
    it('speaks the media types of the server it found', () => {
      const seen = proxy!.seen;
      expect(seen[0]).toMatchObject({ method: 'GET', path: '/', accept: 'application/json', refused: false });
      const rest = seen.slice(1);
      expect(rest.length).toBeGreaterThan(20);
      expect(rest.filter((r) => r.path === '/' && r.method === 'GET')).toEqual([]);
      expect(rest.filter((r) => r.refused)).toEqual([]);
      const versioned = new RegExp(`^application/vnd\\.elasticsearch\\+(json|x-ndjson); compatible-with=${poseAs}(,text/plain)?$`);
      expect(rest.filter((r) => !versioned.test(r.accept ?? '') || !versioned.test(r.contentType ?? ''))).toEqual([]);
      expect(rest.some((r) => r.path.startsWith('/_bulk') && r.contentType?.includes('x-ndjson'))).toBe(true);
    });
  }
});

import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDocument } from '@newsflow/contracts';
import { createRedisStoryIndex, createStoryAssigner, DEFAULT_STORY_PARAMS, type StoryAssigner } from '@newsflow/dedup';
import { createArticleIndex, type ArticleIndex, type SearchEnginePort, type SearchFlavor } from '@newsflow/search';
import { SAME_TOPIC, STORY } from '../../packages/dedup/src/testing/story.texts';
import { startRealApiApp, type RealApiApp } from '../support/api-app';
import { TEST_REDIS_URL, uniqueName, wipeRedisPrefix } from '../support/services';
import { openTestEngine } from '../support/test-engine';

const paragraphs = STORY.split('\n\n');

/** Three copies of one story on three sites (other headline, boilerplate, a paragraph cut) and a distinct article on its subject. */
const ARTICLES = [
  { id: 'a'.repeat(32), site: 'wire.example', title: 'Council votes to close bridge', text: STORY, date: '2024-04-26T08:00:00.000Z' },
  {
    id: 'b'.repeat(32),
    site: 'daily.example',
    title: 'Old bridge shut for a year',
    text: `Advertisement\n\n${STORY}\n\nCopyright 2024. All rights reserved.`,
    date: '2024-04-26T09:00:00.000Z',
  },
  {
    id: 'c'.repeat(32),
    site: 'town.example',
    title: 'Bridge closure approved',
    text: paragraphs.filter((_, i) => i !== 3).join('\n\n'),
    date: '2024-04-26T10:00:00.000Z',
  },
  { id: 'd'.repeat(32), site: 'daily.example', title: 'Queues as the crossing closes', text: SAME_TOPIC, date: '2024-04-27T08:00:00.000Z' },
];

function doc(a: (typeof ARTICLES)[number], storyId: string): ArticleDocument {
  const url = `https://${a.site}/news/${a.id}`;
  return {
    id: a.id,
    storyId,
    urlIds: [a.id],
    url,
    finalUrl: url,
    canonicalUrl: url,
    site: a.site,
    siteName: a.site,
    title: a.title,
    byline: null,
    authors: [],
    publishedAt: a.date,
    modifiedAt: null,
    date: a.date,
    lang: 'en',
    section: null,
    keywords: [],
    access: 'free',
    image: null,
    excerpt: null,
    text: a.text,
    html: `<p>${a.text}</p>`,
    wordCount: a.text.split(/\s+/).length,
    entities: [],
    quotes: [],
    people: [],
    organizations: [],
    locations: ['River City'],
    speakers: [],
    fetchedAt: a.date,
    indexedAt: a.date,
  };
}

/** As the index stage does: each article's story from the real Redis look-up, then the bulk write. */
async function indexAll(articles: ArticleIndex, stories: StoryAssigner): Promise<ArticleDocument[]> {
  const docs: ArticleDocument[] = [];
  for (const a of ARTICLES) docs.push(doc(a, (await stories(a.id, a.text)).storyId));
  const results = await articles.write(docs, { refresh: true });
  expect(results.map((r) => r.error)).toEqual([null, null, null, null]);
  return docs;
}

describe('one story, many copies: Redis look-up and engine-side collapse', () => {
  let redis: Redis;
  const prefix = uniqueName('stories');

  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 2 });
  });
  afterAll(async () => {
    redis.disconnect();
    await wipeRedisPrefix(prefix);
  });

  const assigner = (name: string): StoryAssigner =>
    createStoryAssigner(createRedisStoryIndex({ redis, prefix: `${prefix}:${name}`, params: DEFAULT_STORY_PARAMS, windowSeconds: 600 }));

  describe.each<SearchFlavor>(['opensearch', 'elasticsearch'])('through the %s adapter', (flavor) => {
    let engine: SearchEnginePort;
    let articles: ArticleIndex;
    let closeEngine: () => Promise<void> = async () => undefined;
    let docs: ArticleDocument[] = [];

    beforeAll(async () => {
      ({ engine, close: closeEngine } = await openTestEngine(flavor));
      articles = createArticleIndex(engine, uniqueName(`idx-story-${flavor}`));
      await articles.ensure();
      docs = await indexAll(articles, assigner(flavor));
    });
    afterAll(async () => {
      await articles?.drop();
      await closeEngine();
    });

    it('gives the three copies the first copy’s id as story, and the distinct article its own', () => {
      expect(docs.map((d) => d.storyId)).toEqual(['a'.repeat(32), 'a'.repeat(32), 'a'.repeat(32), 'd'.repeat(32)]);
    });

    it('shows one hit per story by default, with its number of copies; facets count stories', async () => {
      const found = await articles.search({ q: 'bridge', facets: true, sort: 'date' });
      expect(found.total).toBe(2);
      expect(found.documents).toBe(4);
      expect(found.hits.map((h) => [h.id, h.copies])).toEqual([
        ['d'.repeat(32), 1],
        ['c'.repeat(32), 3], // the newest copy stands for the story when sorted by date
      ]);
      const sites = (found.aggregations.sites as { buckets: { key: string; doc_count: number; documents: number }[] }).buckets;
      expect(sites).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ key: 'daily.example', doc_count: 2, documents: 2 }),
          expect.objectContaining({ key: 'wire.example', doc_count: 1, documents: 1 }),
        ]),
      );
      const places = (found.aggregations.locations as { buckets: { key: string; doc_count: number; documents: number }[] }).buckets;
      expect(places).toEqual([expect.objectContaining({ key: 'River City', doc_count: 2, documents: 4 })]);
      expect(found.aggregations.stories).toBeUndefined();
    });

    it('shows every copy with all', async () => {
      const found = await articles.search({ q: 'bridge', all: true, facets: true });
      expect(found.total).toBe(4);
      expect(found.hits.map((h) => h.id).sort()).toEqual(ARTICLES.map((a) => a.id));
      expect(found.hits.every((h) => h.copies === 1)).toBe(true);
      const places = (found.aggregations.locations as { buckets: { key: string; doc_count: number }[] }).buckets;
      expect(places).toEqual([expect.objectContaining({ key: 'River City', doc_count: 4 })]);
    });

    it('lists the other copies of an article’s story, earliest first', async () => {
      const copies = await articles.copiesOf(docs[1]!);
      expect(copies.map((c) => [c.id, c.site])).toEqual([
        ['a'.repeat(32), 'wire.example'],
        ['c'.repeat(32), 'town.example'],
      ]);
      expect(copies[0]!.url).toBe(`https://wire.example/news/${'a'.repeat(32)}`);
      expect(await articles.copiesOf(docs[3]!)).toEqual([]);
    });

    it('makes each document indexed before stories existed a story of its own, on the next start', async () => {
      const legacy = ['1'.repeat(32), '2'.repeat(32)];
      // Written past ArticleIndex.write, as an older version wrote them: no storyId.
      await engine.bulk(
        legacy.flatMap((id) => {
          const { storyId: _, ...old } = doc({ ...ARTICLES[3]!, id }, id);
          return [{ index: { _index: articles.alias, _id: id } }, old];
        }),
        true,
      );
      await articles.ensure();
      await articles.refresh();
      const found = await articles.search({ q: 'queues' });
      expect(found.hits.map((h) => [h.id, h.copies]).sort()).toEqual([...legacy, 'd'.repeat(32)].map((id) => [id, 1]));
    });
  });

  describe('over HTTP', () => {
    let api: RealApiApp;

    beforeAll(async () => {
      api = await startRealApiApp();
      await indexAll(api.articles, assigner('api'));
    });
    afterAll(async () => {
      await api?.close();
    });

    it('GET /search collapses copies, and all=true shows every copy', async () => {
      const byStory = (await api.app.inject({ method: 'GET', url: '/search?q=bridge' })).json() as {
        total: number;
        documents: number;
        results: { id: string; copies: number; storyId: string }[];
      };
      expect(byStory.total).toBe(2);
      expect(byStory.documents).toBe(4);
      expect(byStory.results.find((r) => r.storyId === 'a'.repeat(32))?.copies).toBe(3);
      const all = (await api.app.inject({ method: 'GET', url: '/search?q=bridge&all=true' })).json() as {
        total: number;
        results: unknown[];
      };
      expect(all.total).toBe(4);
      expect(all.results).toHaveLength(4);
      expect((await api.app.inject({ method: 'GET', url: '/search?all=maybe' })).statusCode).toBe(400);
    });

    it('GET /articles/:id lists the other copies', async () => {
      const res = (await api.app.inject({ method: 'GET', url: `/articles/${'c'.repeat(32)}` })).json() as {
        document: { storyId: string };
        copies: { id: string; url: string; site: string }[];
      };
      expect(res.document.storyId).toBe('a'.repeat(32));
      expect(res.copies.map((c) => c.site)).toEqual(['wire.example', 'daily.example']);
    });
  });
});

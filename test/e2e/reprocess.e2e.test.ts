import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdFor, normalizeArticleUrl, type ArticleDocument, type TraceEvent } from '@newsflow/contracts';
import type { StoredArticle } from '@newsflow/contracts';
import { buildArticleDocument } from '@newsflow/service-index';
import { runCli } from '../support/cli';
import { startTestPipeline, type TestPipeline } from '../support/pipeline';
import { eventually, TEST_SEARCH_FLAVOR, TEST_SEARCH_URL } from '../support/services';

describe('newsflow reprocess enrich refuses what it cannot do, in one line', () => {
  it('takes --since only as a date, YYYY-MM-DD (exit 2)', async () => {
    for (const since of ['2024-13-01', 'yesterday', '2024-04-26T10:00:00Z']) {
      const r = await runCli(['reprocess', 'enrich', '--since', since]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`newsflow: --since must be an ISO 8601 date, YYYY-MM-DD (got "${since}")\n`);
    }
  });

  it('exits 3 when Redis does not answer', async () => {
    const r = await runCli(['reprocess', 'enrich'], {
      REDIS_URL: 'redis://127.0.0.1:1',
      SEARCH_URL: TEST_SEARCH_URL,
      SEARCH_FLAVOR: TEST_SEARCH_FLAVOR,
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('newsflow: cannot reach Redis at redis://127.0.0.1:1: connection refused\n');
  });

  it('exits 3 when the search engine does not answer', async () => {
    const r = await runCli(['reprocess', 'enrich'], { SEARCH_URL: 'http://127.0.0.1:1' });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('newsflow: cannot reach the search engine at http://127.0.0.1:1: connection refused\n');
  });
});

describe('newsflow reprocess enrich with the enrich and index services running', () => {
  let pipeline: TestPipeline;
  let env: Record<string, string>;
  const url = 'https://www.news.example.com/world/albanese';
  const TRACE: TraceEvent[] = [
    { stage: 'fetch', event: 'started', at: '2024-04-26T08:00:00.000Z', attempt: 1 },
    { stage: 'fetch', event: 'completed', at: '2024-04-26T08:00:01.000Z', attempt: 1 },
    { stage: 'index', event: 'started', at: '2024-04-26T08:00:02.000Z', attempt: 1 },
  ];
  const article: StoredArticle = {
    url,
    finalUrl: url,
    fetchedAt: '2024-04-26T08:00:00.000Z',
    title: 'No backing down',
    byline: null,
    authors: ['Jane Roe'],
    publishedAt: '2024-04-26T06:00:00.000Z',
    modifiedAt: null,
    siteName: 'Example News',
    lang: 'en',
    canonicalUrl: url,
    image: null,
    section: 'World',
    keywords: ['politics'],
    access: 'free',
    excerpt: 'He would not back down.',
    text: '“We will not back down,” Prime Minister Anthony Albanese said in Canberra on Monday.\n\nAlbanese later met Microsoft executives.',
    html: '<p>“We will not back down,” Prime Minister Anthony Albanese said in Canberra on Monday.</p><p>Albanese later met Microsoft executives.</p>',
    wordCount: 19,
    sources: {},
  };
  // As an older enrichment left it: a place where there is a person, and no quotation.
  const stale = buildArticleDocument(
    articleIdFor(normalizeArticleUrl(url)),
    article,
    {
      entities: [{ name: 'Albanese', type: 'LOCATION', mentions: [{ text: 'Albanese', start: 60, end: 68 }] }],
      quotes: [],
    },
    TRACE,
    new Date('2024-04-26T08:00:03.000Z'),
  );

  beforeAll(async () => {
    pipeline = await startTestPipeline(['enrich', 'index']);
    env = {
      REDIS_URL: pipeline.config.redis.url,
      QUEUE_PREFIX: pipeline.config.redis.prefix,
      SEARCH_URL: pipeline.config.search.url,
      SEARCH_FLAVOR: TEST_SEARCH_FLAVOR,
      SEARCH_INDEX: pipeline.config.search.alias,
    };
    await pipeline.process.articles.write([stale], { refresh: true });
  });
  afterAll(async () => {
    await pipeline?.stop();
  });

  it('rewrites the document with the new entities and quotations, the rest as it was', async () => {
    const r = await runCli(['reprocess', 'enrich', '--site', 'news.example.com', '--since', '2024-04-01'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^reprocess enrich: 1 article\(s\) queued for enrichment, 0 already in the pipeline \(left to it\), 0 skipped; 1\/1 done in /m,
    );

    const doc = await eventually(
      'the document to be rewritten',
      async () => {
        const d = await pipeline.process.articles.get(stale.id);
        return d && d.indexedAt !== stale.indexedAt ? d : null;
      },
      60_000,
      250,
    );
    expect(doc.people).toContain('Anthony Albanese');
    expect(doc.locations).not.toContain('Albanese');
    expect(doc.quotes[0]).toMatchObject({
      speaker: 'Anthony Albanese',
      kind: 'direct',
      text: expect.stringContaining('We will not back down'),
    });
    expect(doc.speakers).toEqual(['Anthony Albanese']);
    const same = (d: ArticleDocument) => {
      const {
        entities: _e,
        quotes: _q,
        people: _p,
        organizations: _o,
        locations: _l,
        speakers: _s,
        quoteLines: _ql,
        indexedAt: _i,
        trace: _t,
        storyId: _st,
        ...rest
      } = d;
      return rest;
    };
    expect(same(doc)).toEqual(same(stale));
    // the only copy of its story: the story is its own
    expect(doc.storyId).toBe(stale.id);
    // The crawl's history, then the reprocessing.
    expect(doc.trace!.slice(0, TRACE.length)).toEqual(TRACE);
    expect(doc.trace!.slice(TRACE.length).map((e) => `${e.stage}:${e.event}`)).toEqual(
      expect.arrayContaining(['index:completed', 'enrich:queued', 'enrich:started', 'enrich:completed', 'index:started']),
    );

    const again = await runCli(['reprocess', 'enrich', '--site', 'news.example.com', '--since', '2024-04-01'], env);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/0 article\(s\) queued .*; 1\/1 done in .*\n {2}continued after [0-9a-f]{32}/);
  }, 120_000);
});

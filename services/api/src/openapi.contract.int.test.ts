import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { articleIdFor, sourceIdFor, type ArticleDocument } from '@newsflow/contracts';
import {
  createDiscoverQueue,
  createInFlightMarker,
  createPipelineMetrics,
  createSourceManager,
  createSourceSchedule,
  createSourceStore,
  silentLogger,
  type DiscoverQueue,
  type SourceManager,
} from '@newsflow/runtime';
import { startRealApiApp, type RealApiApp } from '../../../test/support/api-app';
import { createResponseChecker, matchesTemplate, type SeenResponse } from '../../../test/support/openapi-responses';
import type { ApiDeps } from './api.deps';
import { buildApiApp } from './api.app';
import { buildOpenApiDocument, documentedPathOf, OPENAPI_MOUNTS, toOpenApiPath } from './openapi.document';
import { registeredRoutes } from './openapi.routes';

// The contract test: every operation the OpenAPI document describes is called on the real API
// (real Redis, the real local engine), and every answer — successes and refusals — must be a
// status that operation documents, with a body its schema accepts. An operation the document
// gains without calls here fails, as does a route served but not documented.

const TOKEN = 'contract-test-token-0123456789';
const bearer = { authorization: `Bearer ${TOKEN}` };

/** Three configurations of one API on the same Redis prefix and index. */
type AppName = 'main' | 'readsClosed' | 'tokenless';

interface Call {
  /** What this call shows, for the failure message. */
  why: string;
  app?: AppName;
  method?: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  payload?: string | Record<string, unknown>;
  status: number;
}

const at = (ms: number) => new Date(Date.UTC(2024, 3, 26, 8, 0, 0) + ms).toISOString();
const ARTICLE_URL = 'https://news.example.com/2024/04/26/talks';
const COPY_URL = 'https://other.example.org/world/talks-in-beijing';
const FEED_URL = 'https://news.example.com/feed.xml';
const UNKNOWN_ID = 'f'.repeat(32);

/** A document with every field, optional ones included: the schema must describe them all. */
function documentFor(url: string, storyId: string, site: string): ArticleDocument {
  const id = articleIdFor(url);
  return {
    id,
    urlIds: [id],
    storyId,
    source: { id: sourceIdFor(FEED_URL), url: FEED_URL },
    url,
    finalUrl: url,
    canonicalUrl: url,
    site,
    siteName: 'Example News',
    title: 'Ministers hold talks in Beijing',
    byline: 'By A. Writer',
    authors: ['A. Writer'],
    publishedAt: at(0),
    modifiedAt: null,
    date: at(0),
    dateSource: 'published',
    lang: 'en',
    langTag: 'en-GB',
    section: 'World',
    keywords: ['diplomacy'],
    access: 'free',
    image: { url: 'https://news.example.com/a.jpg', caption: null },
    excerpt: 'The ministers met.',
    text: 'The ministers met. “We agreed on much,” said Wang Yi.',
    html: '<p>The ministers met.</p>',
    wordCount: 10,
    entities: [{ name: 'Wang Yi', type: 'PERSON', mentions: ['Wang Yi'], mentionCount: 1 }],
    quotes: [{ text: 'We agreed on much', speaker: 'Wang Yi', speakerType: 'PERSON', kind: 'direct', cue: 'said' }],
    people: ['Wang Yi'],
    organizations: [],
    locations: ['Beijing'],
    speakers: ['Wang Yi'],
    quoteLines: ['Wang Yi: “We agreed on much”'],
    fetchedAt: at(1000),
    indexedAt: at(2000),
    trace: [
      { stage: 'fetch', event: 'queued', at: at(0) },
      { stage: 'fetch', event: 'started', at: at(100), attempt: 1 },
      { stage: 'fetch', event: 'completed', at: at(200), attempt: 1, detail: '100 ms' },
      { stage: 'index', event: 'started', at: at(300), attempt: 1 },
    ],
  };
}

const articleId = articleIdFor(ARTICLE_URL);
const feedId = sourceIdFor(FEED_URL);

/** The calls made for each operation, by operationId. Each must answer with `status`. */
const CALLS: Record<string, Call[]> = {
  enqueueArticle: [
    {
      why: 'queued',
      method: 'POST',
      url: '/articles',
      headers: bearer,
      payload: { url: 'https://news.example.com/2024/04/27/next' },
      status: 202,
    },
    { why: 'no token', method: 'POST', url: '/articles', payload: { url: 'https://news.example.com/x' }, status: 401 },
    { why: 'malformed body', method: 'POST', url: '/articles', headers: bearer, payload: { url: 5 }, status: 400 },
    { why: 'too large', method: 'POST', url: '/articles', headers: bearer, payload: { url: 'x'.repeat(70_000) }, status: 413 },
    {
      why: 'not JSON',
      method: 'POST',
      url: '/articles',
      headers: { ...bearer, 'content-type': 'application/xml' },
      payload: '<url/>',
      status: 415,
    },
    {
      why: 'open without a token',
      app: 'tokenless',
      method: 'POST',
      url: '/articles',
      payload: { url: 'https://news.example.com/y' },
      status: 202,
    },
    {
      why: 'rate-limited',
      app: 'tokenless',
      method: 'POST',
      url: '/articles',
      payload: { url: 'https://news.example.com/z' },
      status: 429,
    },
  ],
  getArticle: [
    { why: 'indexed, with its copies', url: `/articles/${articleId}`, status: 200 },
    { why: 'not an id', url: '/articles/nope', status: 400 },
    { why: 'unknown', url: `/articles/${UNKNOWN_ID}`, status: 404 },
    { why: 'reads closed, no token', app: 'readsClosed', url: `/articles/${articleId}`, status: 401 },
    { why: 'reads closed, with the token', app: 'readsClosed', url: `/articles/${articleId}`, headers: bearer, status: 200 },
    { why: 'reads closed, signing in with ?token=', app: 'readsClosed', url: `/articles/${articleId}?token=${TOKEN}`, status: 303 },
  ],
  getArticleTrace: [
    { why: 'from the document', url: `/articles/${articleId}/trace`, status: 200 },
    { why: 'not an id', url: '/articles/nope/trace', status: 400 },
    { why: 'unknown', url: `/articles/${UNKNOWN_ID}/trace`, status: 404 },
    { why: 'reads closed, no token', app: 'readsClosed', url: `/articles/${articleId}/trace`, status: 401 },
    { why: 'reads closed, signing in with ?token=', app: 'readsClosed', url: `/articles/${articleId}/trace?token=${TOKEN}`, status: 303 },
  ],
  searchArticles: [
    { why: 'words and a speaker (highlights, matching quotations, facets)', url: '/search?q=ministers&speaker=Wang%20Yi', status: 200 },
    { why: 'every copy, by date', url: '/search?all=true&sort=date&since=2024-01-01', status: 200 },
    { why: 'by source', url: `/search?source=${encodeURIComponent(FEED_URL)}`, status: 200 },
    { why: 'page too large', url: '/search?size=1000', status: 400 },
    { why: 'bad date', url: '/search?since=yesterday', status: 400 },
    { why: 'reads closed, no token', app: 'readsClosed', url: '/search', status: 401 },
    { why: 'reads closed, signing in with ?token=', app: 'readsClosed', url: `/search?q=ministers&token=${TOKEN}`, status: 303 },
  ],
  searchQuotes: [
    { why: 'by speaker', url: '/quotes?speaker=Wang%20Yi&q=agreed', status: 200 },
    { why: 'bad date', url: '/quotes?since=yesterday', status: 400 },
    { why: 'reads closed, no token', app: 'readsClosed', url: '/quotes', status: 401 },
    { why: 'reads closed, signing in with ?token=', app: 'readsClosed', url: `/quotes?speaker=Wang%20Yi&token=${TOKEN}`, status: 303 },
  ],
  addSource: [
    { why: 'followed', method: 'POST', url: '/sources', headers: bearer, payload: { url: FEED_URL, every: '1h' }, status: 201 },
    { why: 'already followed', method: 'POST', url: '/sources', headers: bearer, payload: { url: FEED_URL, every: '2h' }, status: 200 },
    { why: 'not http(s)', method: 'POST', url: '/sources', headers: bearer, payload: { url: 'ftp://news.example.com/feed' }, status: 400 },
    {
      why: 'interval out of bounds',
      method: 'POST',
      url: '/sources',
      headers: bearer,
      payload: { url: FEED_URL, every: '1s' },
      status: 400,
    },
    { why: 'no token', method: 'POST', url: '/sources', payload: { url: FEED_URL }, status: 401 },
    { why: 'too large', method: 'POST', url: '/sources', headers: bearer, payload: { url: 'x'.repeat(70_000) }, status: 413 },
    {
      why: 'not JSON',
      method: 'POST',
      url: '/sources',
      headers: { ...bearer, 'content-type': 'application/xml' },
      payload: '<url/>',
      status: 415,
    },
  ],
  listSources: [
    { why: 'the sources', url: '/sources', status: 200 },
    { why: 'reads closed, no token', app: 'readsClosed', url: '/sources', status: 401 },
    { why: 'reads closed, signing in with ?token=', app: 'readsClosed', url: `/sources?token=${TOKEN}`, status: 303 },
  ],
  getSource: [
    { why: 'the source', url: `/sources/${feedId}`, status: 200 },
    { why: 'not an id', url: '/sources/nope', status: 400 },
    { why: 'unknown', url: `/sources/${UNKNOWN_ID}`, status: 404 },
    { why: 'reads closed, no token', app: 'readsClosed', url: `/sources/${feedId}`, status: 401 },
    { why: 'reads closed, signing in with ?token=', app: 'readsClosed', url: `/sources/${feedId}?token=${TOKEN}`, status: 303 },
  ],
  removeSource: [
    { why: 'no token', method: 'DELETE', url: `/sources/${sourceIdFor('https://gone.example/feed.xml')}`, status: 401 },
    { why: 'removed', method: 'DELETE', url: `/sources/${sourceIdFor('https://gone.example/feed.xml')}`, headers: bearer, status: 204 },
    { why: 'unknown', method: 'DELETE', url: `/sources/${UNKNOWN_ID}`, headers: bearer, status: 404 },
    { why: 'not an id', method: 'DELETE', url: '/sources/nope', headers: bearer, status: 400 },
  ],
  pollSource: [
    { why: 'queued', method: 'POST', url: `/sources/${feedId}/poll`, headers: bearer, status: 202 },
    { why: 'unknown', method: 'POST', url: `/sources/${UNKNOWN_ID}/poll`, headers: bearer, status: 404 },
    { why: 'not an id', method: 'POST', url: '/sources/nope/poll', headers: bearer, status: 400 },
    { why: 'no token', method: 'POST', url: `/sources/${feedId}/poll`, status: 401 },
    {
      why: 'too large',
      method: 'POST',
      url: `/sources/${feedId}/poll`,
      headers: bearer,
      payload: { note: 'x'.repeat(70_000) },
      status: 413,
    },
    {
      why: 'not JSON',
      method: 'POST',
      url: `/sources/${feedId}/poll`,
      headers: { ...bearer, 'content-type': 'application/xml' },
      payload: '<poll/>',
      status: 415,
    },
  ],
  getHealth: [{ why: 'alive', url: '/healthz', status: 200 }],
  getReadiness: [
    { why: 'ready', url: '/readyz', status: 200 },
    { why: 'the engine away', app: 'tokenless', url: '/readyz', status: 503 },
  ],
  getMetrics: [
    { why: 'the metrics', url: '/metrics', status: 200 },
    { why: 'open when reads are closed', app: 'readsClosed', url: '/metrics', status: 200 },
  ],
  getOpenApiDocument: [
    { why: 'this document', url: '/openapi.json', status: 200 },
    { why: 'open when reads are closed', app: 'readsClosed', url: '/openapi.json', status: 200 },
  ],
  getQueuesDashboard: [
    { why: 'with the token', url: '/admin/queues', headers: bearer, status: 200 },
    { why: 'no token', url: '/admin/queues', status: 401 },
    { why: 'signing in with ?token=', url: `/admin/queues?token=${TOKEN}`, status: 303 },
    { why: 'no API_TOKEN set', app: 'tokenless', url: '/admin/queues', status: 403 },
  ],
  webUiSearchPage: [
    { why: 'the page', url: '/', status: 200 },
    { why: 'reads closed, no token', app: 'readsClosed', url: '/', status: 401 },
    { why: 'reads closed, signing in with ?token=', app: 'readsClosed', url: `/?token=${TOKEN}`, status: 303 },
  ],
  webUiArticlePage: [
    { why: 'the page', url: `/ui/article?id=${articleId}`, status: 200 },
    { why: 'reads closed, no token', app: 'readsClosed', url: `/ui/article?id=${articleId}`, status: 401 },
    { why: 'reads closed, signing in with ?token=', app: 'readsClosed', url: `/ui/article?id=${articleId}&token=${TOKEN}`, status: 303 },
  ],
  webUiQuotesPage: [
    { why: 'the page', url: '/ui/quotes', status: 200 },
    { why: 'reads closed, no token', app: 'readsClosed', url: `/ui/quotes`, status: 401 },
    { why: 'reads closed, signing in with ?token=', app: 'readsClosed', url: `/ui/quotes?token=${TOKEN}`, status: 303 },
  ],
  webUiEnqueuePage: [
    { why: 'the page', url: '/ui/enqueue', status: 200 },
    { why: 'reads closed, no token', app: 'readsClosed', url: `/ui/enqueue`, status: 401 },
    { why: 'reads closed, signing in with ?token=', app: 'readsClosed', url: `/ui/enqueue?token=${TOKEN}`, status: 303 },
  ],
  webUiSourcesPage: [
    { why: 'the page', url: '/ui/sources', status: 200 },
    { why: 'reads closed, no token', app: 'readsClosed', url: '/ui/sources', status: 401 },
    { why: 'reads closed, signing in with ?token=', app: 'readsClosed', url: `/ui/sources?token=${TOKEN}`, status: 303 },
  ],
  getUiAsset: [
    { why: 'a script', url: '/ui/assets/app.js', status: 200 },
    { why: 'the styles', url: '/ui/assets/style.css', status: 200 },
    { why: 'DOMPurify', url: '/ui/assets/purify.es.mjs', status: 200 },
    { why: 'no such file', url: '/ui/assets/nope.js', status: 404 },
    { why: 'reads closed, no token', app: 'readsClosed', url: '/ui/assets/app.js', status: 401 },
    { why: 'reads closed, signing in with ?token=', app: 'readsClosed', url: `/ui/assets/app.js?token=${TOKEN}`, status: 303 },
  ],
};

/** Documented responses these calls cannot provoke, with where they are checked instead. */
const UNCALLED: Record<string, string> = {
  503: 'Redis or the engine away (Redis full: enqueue-redis-full.int.test.ts; the engine away: GET /readyz above)',
};

/** Routes registered under a mount are the mounted application's own, documented once at the mount. */
const MOUNT_REASONS: Record<string, string> = {
  '/admin/queues': 'Bull Board’s own JSON API and assets, behind the same admin guard as the dashboard',
  '/ui/assets': '@fastify/static’s files, one operation for any file name',
};

describe('the OpenAPI document against the real API (real Redis and engine)', () => {
  const document = buildOpenApiDocument();
  const { operations, check } = createResponseChecker(document as Parameters<typeof createResponseChecker>[0]);
  let api: RealApiApp;
  let discover: DiscoverQueue;
  let sources: SourceManager;
  const apps = {} as Record<AppName, FastifyInstance>;

  beforeAll(async () => {
    api = await startRealApiApp();
    discover = createDiscoverQueue(api.redis, api.prefix);
    sources = createSourceManager({
      store: createSourceStore(api.redis, api.prefix),
      schedule: createSourceSchedule(discover),
      minEveryMs: 60_000,
    });
    const deps: ApiDeps = {
      queues: api.queues,
      inflight: createInFlightMarker(api.redis, api.prefix),
      status: api.status,
      articles: api.articles,
      logger: silentLogger(),
      token: TOKEN,
      sources,
      discover,
      metrics: createPipelineMetrics({ queues: api.queues, discover, processMetrics: false }),
      ready: async () => ({ redis: true, search: true }),
    };
    apps.main = buildApiApp(deps);
    apps.readsClosed = buildApiApp({ ...deps, readsOpen: false });
    apps.tokenless = buildApiApp({
      ...deps,
      token: null,
      enqueueRate: { perMinute: 1, redis: api.redis, prefix: api.prefix },
      ready: async () => ({ redis: true, search: false }),
    });
    await Promise.all(Object.values(apps).map((a) => a.ready()));

    const original = documentFor(ARTICLE_URL, articleId, 'news.example.com');
    const written = await api.articles.write(
      [original, { ...documentFor(COPY_URL, articleId, 'other.example.org'), indexedAt: at(5000) }],
      { refresh: true },
    );
    expect(written.map((w) => w.error)).toEqual([null, null]);
    await sources.add('https://gone.example/feed.xml');
  });

  afterAll(async () => {
    await Promise.all(Object.values(apps).map((a) => a.close()));
    await discover?.close();
    await api?.close();
  });

  it('is the document the API serves when every optional route is on', async () => {
    const served = await apps.main.inject({ url: '/openapi.json' });
    expect(served.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('documents every route served, or the mount it belongs to (for a reason)', () => {
    expect(Object.keys(MOUNT_REASONS).sort()).toEqual([...OPENAPI_MOUNTS].sort());
    const documented = new Set(operations.map((op) => `${op.method.toUpperCase()} ${op.path}`));
    for (const route of registeredRoutes(apps.main)) {
      const path = documentedPathOf(route.url);
      if (documented.has(`${route.method} ${path}`)) continue;
      const mount = OPENAPI_MOUNTS.find((m) => route.url.startsWith(m));
      expect(mount, `${route.method} ${route.url} is served but not documented`).toBeDefined();
      expect(MOUNT_REASONS[mount!], `${route.method} ${route.url}`).toMatch(/\w/);
      expect(toOpenApiPath(route.url).startsWith(mount!)).toBe(true);
    }
  });

  it('calls every response an operation documents (but a service away)', () => {
    const uncalled = operations.flatMap((op) => {
      const called = new Set((CALLS[op.operationId] ?? []).map((c) => String(c.status)));
      return Object.keys(op.responses)
        .filter((status) => !called.has(status) && !(status in UNCALLED))
        .map((status) => `${op.operationId} ${status}`);
    });
    expect(uncalled, 'documented responses no call here checks: add them to CALLS').toEqual([]);
  });

  it('gives every operation a unique camelCase operationId', () => {
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });

  for (const op of operations) {
    it(`${op.method.toUpperCase()} ${op.path} (${op.operationId}) answers as documented`, async () => {
      const calls = CALLS[op.operationId];
      expect(calls, `no contract calls for ${op.operationId}: add them to CALLS`).toBeDefined();
      const problems: string[] = [];
      for (const call of calls ?? []) {
        expect(call.method ?? 'GET', `${op.operationId}: ${call.why}`).toBe(op.method.toUpperCase());
        expect(matchesTemplate(op.path, call.url), `${op.operationId}: ${call.url} is not ${op.path}`).toBe(true);
        const res = await apps[call.app ?? 'main'].inject({
          method: call.method ?? 'GET',
          url: call.url,
          headers: call.headers ?? {},
          ...(call.payload === undefined ? {} : { payload: call.payload }),
        });
        const seen: SeenResponse = { statusCode: res.statusCode, headers: res.headers, body: res.body };
        if (res.statusCode !== call.status) {
          problems.push(`${call.why}: expected ${call.status}, got ${res.statusCode}: ${res.body.slice(0, 300)}`);
        }
        problems.push(...check(op, seen).map((p) => `${call.why}: ${p}`));
      }
      expect(problems).toEqual([]);
    });
  }
});

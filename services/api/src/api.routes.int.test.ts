import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { resolveUrlInput } from '@newsflow/contracts';
import {
  closeQueueSet,
  createInFlightMarker,
  createLogger,
  createQueueSet,
  createStatusStore,
  silentLogger,
  type QueueSet,
} from '@newsflow/runtime';
import type { ArticleIndex, ArticleSearchParams, QuoteSearchParams } from '@newsflow/search';
import type { ApiDeps } from './api.deps';
import { TEST_REDIS_URL, uniqueName, wipeRedisPrefix } from '../../../test/support/services';
import { buildApiApp } from './api.app';
import { documentedPathOf } from './openapi.document';
import { registeredRoutes } from './openapi.routes';
import { UI_CONTENT_SECURITY_POLICY } from './web-ui.routes';

// Real Redis (queues, rate-limit counters), a fake article index: the routes' own behaviour.
describe('the API routes', () => {
  const prefix = uniqueName('api');
  let redis: Redis;
  let queues: QueueSet;
  let app: FastifyInstance;
  const quoteCalls: QuoteSearchParams[] = [];
  const articleSearches: ArticleSearchParams[] = [];

  beforeAll(async () => {
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
    queues = createQueueSet(redis, prefix);
    const articles = {
      alias: 'x',
      get: async () => null,
      search: async (p: ArticleSearchParams) => (articleSearches.push(p), { total: 0, hits: [], aggregations: {} }),
      searchQuotes: async (p: QuoteSearchParams) => {
        quoteCalls.push(p);
        return {
          total: 1,
          quotes: [
            {
              text: 'Hello',
              speaker: 'Wang Yi',
              speakerType: 'PERSON',
              kind: 'direct',
              cue: 'said',
              highlight: null,
              article: {
                id: 'a'.repeat(32),
                title: 'T',
                url: 'https://x.example/a',
                date: '2024-04-26T00:00:00Z',
                site: 'x.example',
                siteName: null,
              },
            },
          ],
          facets: { speakers: [{ key: 'Wang Yi', count: 1 }] },
        };
      },
    } as unknown as ArticleIndex;
    app = buildApiApp({
      queues,
      inflight: createInFlightMarker(redis, prefix),
      status: createStatusStore(redis, prefix, 60),
      articles,
      logger: silentLogger(),
      token: 'a-token-of-sixteen-chars',
      enqueueRate: { perMinute: 3, redis, prefix },
      ready: async () => ({ redis: true, search: true }),
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await closeQueueSet(queues);
    redis?.disconnect();
    await wipeRedisPrefix(prefix);
  });

  it('describes every registered route in /openapi.json', async () => {
    const res = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);
    const routes = registeredRoutes(app);
    expect(routes.length).toBeGreaterThan(8);
    const undocumented = routes.filter((r) => {
      const path = documentedPathOf(r.url);
      return !doc.paths[path]?.[r.method.toLowerCase()] && !(path !== r.url && doc.paths[path]);
    });
    expect(undocumented).toEqual([]);
    // And nothing documented that is not served.
    expect(Object.keys(doc.paths).every((p) => routes.some((r) => documentedPathOf(r.url) === p))).toBe(true);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/articles', '/articles/{id}', '/search', '/quotes', '/openapi.json', '/']),
    );
    const params = (doc.paths['/quotes']!.get as { parameters: { name: string }[] }).parameters.map((p) => p.name);
    expect(params).toEqual(['q', 'speaker', 'site', 'lang', 'since', 'until', 'sort', 'from', 'size']);
  });

  it('searches quotations with the paging caps', async () => {
    const res = await app.inject({ method: 'GET', url: '/quotes?speaker=Wang%20Yi&q=hello&since=2024-01-01&size=5' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      total: 1,
      quotes: [{ speaker: 'Wang Yi', article: { title: 'T' } }],
      facets: { speakers: [{ key: 'Wang Yi', count: 1 }] },
    });
    expect(quoteCalls.at(-1)).toMatchObject({ speaker: 'Wang Yi', q: 'hello', since: '2024-01-01', size: 5, facets: true });
    expect((await app.inject({ method: 'GET', url: '/quotes?size=101' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/quotes?from=9990&size=20' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/quotes?since=yesterday' })).statusCode).toBe(400);
  });

  it('filters articles by source, given its id or any spelling of its URL', async () => {
    const id = resolveUrlInput('https://news.example/feed.xml').id;
    expect((await app.inject({ method: 'GET', url: `/search?source=${id}` })).statusCode).toBe(200);
    expect(articleSearches.at(-1)).toMatchObject({ source: id });
    const byUrl = await app.inject({
      method: 'GET',
      url: `/search?source=${encodeURIComponent('HTTPS://News.example/feed.xml?utm_source=x')}`,
    });
    expect(byUrl.statusCode).toBe(200);
    expect(articleSearches.at(-1)).toMatchObject({ source: id });
    const bad = await app.inject({ method: 'GET', url: '/search?source=not%20a%20source' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('source: source must be a source id or its URL');
  });

  it('serves the web UI with a strict Content-Security-Policy', async () => {
    for (const url of ['/', '/ui/article?id=x', '/ui/quotes', '/ui/enqueue']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['content-security-policy']).toBe(UI_CONTENT_SECURITY_POLICY);
      expect(res.body).not.toMatch(/<script>|<script [^>]*>[^<]/); // no inline script
    }
    expect(UI_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    const js = await app.inject({ method: 'GET', url: '/ui/assets/app.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    const purify = await app.inject({ method: 'GET', url: '/ui/assets/purify.es.mjs' });
    expect(purify.statusCode).toBe(200);
    expect(purify.body).toContain('DOMPurify');
    expect((await app.inject({ method: 'GET', url: '/ui/assets/../src/api.app.ts' })).statusCode).toBe(404);
  });

  it('needs the token for writes and limits enqueues per client', async () => {
    const post = (auth?: string) =>
      app.inject({
        method: 'POST',
        url: '/articles',
        headers: auth ? { authorization: auth } : {},
        payload: { url: 'https://example.com/news/a' },
      });
    const first = await post();
    expect(first.statusCode).toBe(401);
    expect((await post('Bearer a-token-of-sixteen-chars')).statusCode).toBe(202);
    expect((await post('Bearer wrong-token-sixteen-chars')).statusCode).toBe(401);
    const limited = await post('Bearer a-token-of-sixteen-chars');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatch(/at most 3 a minute/);
    expect(limited.headers['retry-after']).toBeDefined();
    // Reads are not limited.
    expect((await app.inject({ method: 'GET', url: '/quotes' })).statusCode).toBe(200);
  });

  it('puts reads behind the token when API_READS_OPEN=false, keeping probes open', async () => {
    const closed = buildApiApp({
      queues,
      inflight: createInFlightMarker(redis, prefix),
      status: createStatusStore(redis, prefix, 60),
      articles: { search: async () => ({ total: 0, hits: [], aggregations: {} }) } as unknown as ArticleIndex,
      logger: silentLogger(),
      token: 'a-token-of-sixteen-chars',
      readsOpen: false,
      ready: async () => ({ redis: true, search: true }),
    });
    try {
      expect((await closed.inject({ url: '/search?q=x' })).statusCode).toBe(401);
      expect((await closed.inject({ url: '/search?q=x', headers: { authorization: 'Bearer a-token-of-sixteen-chars' } })).statusCode).toBe(
        200,
      );
      expect((await closed.inject({ url: '/healthz' })).statusCode).toBe(200);
      expect((await closed.inject({ url: '/openapi.json' })).statusCode).toBe(200);
      // The web UI: ?token= once sets a session cookie for the whole site.
      const login = await closed.inject({ url: '/?token=a-token-of-sixteen-chars' });
      expect(login.statusCode).toBe(303);
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      expect(String(login.headers['set-cookie'])).toMatch(/Path=\/;/);
      expect((await closed.inject({ url: '/search?q=x', headers: { cookie } })).statusCode).toBe(200);
    } finally {
      await closed.close();
    }
  });
  /** Another app on the same Redis and prefix, without the enqueue limit the tests above use up. */
  function otherApp(over: Partial<ApiDeps> = {}): FastifyInstance {
    return buildApiApp({
      queues,
      inflight: createInFlightMarker(redis, prefix),
      status: createStatusStore(redis, prefix, 60),
      articles: {
        search: async (p: ArticleSearchParams) => (searchCalls.push(p), { total: 0, hits: [], aggregations: {} }),
        searchQuotes: async () => ({ total: 0, quotes: [], facets: {} }),
      } as unknown as ArticleIndex,
      logger: silentLogger(),
      token: 'a-token-of-sixteen-chars',
      ready: async () => ({ redis: true, search: true }),
      ...over,
    });
  }
  const searchCalls: ArticleSearchParams[] = [];

  it('refuses a URL that grows past 8,192 characters once normalised with 400, leaving no marker', async () => {
    const enqueue = otherApp();
    try {
      const url = `https://example.com/${'é'.repeat(4000)}`;
      const { id } = resolveUrlInput(url);
      const post = () =>
        enqueue.inject({
          method: 'POST',
          url: '/articles',
          headers: { authorization: 'Bearer a-token-of-sixteen-chars' },
          payload: { url },
        });
      for (const attempt of [1, 2]) {
        const res = await post();
        expect(res.statusCode, `attempt ${attempt}`).toBe(400);
        expect(res.json().error).toMatch(/^invalid url: the URL is 24020 characters long once normalised .*more than the 8192 allowed/);
      }
      expect(await redis.exists(`${prefix}:inflight:${id}`)).toBe(0);
      expect(await queues.fetch.getJob(id)).toBeUndefined();
      // A URL just under the limit still goes in.
      const fits = await enqueue.inject({
        method: 'POST',
        url: '/articles',
        headers: { authorization: 'Bearer a-token-of-sixteen-chars' },
        payload: { url: `https://example.com/${'a'.repeat(8000)}` },
      });
      expect(fits.statusCode).toBe(202);
    } finally {
      await enqueue.close();
    }
  });

  it('answers since/until that are not ISO 8601 calendar dates with its own 400, before the engine', async () => {
    const reads = otherApp();
    try {
      searchCalls.length = 0;
      for (const route of ['/search', '/quotes']) {
        for (const bad of ['2024-02-30', 'April%201%2C%202024', '1', '2024-04-26T10:00:00%2B19:00']) {
          for (const param of ['since', 'until']) {
            const res = await reads.inject({ url: `${route}?${param}=${bad}` });
            expect(res.statusCode, `${route}?${param}=${bad}`).toBe(400);
            expect(res.json().error).toBe(`${param}: must be an ISO 8601 date or date-time, such as 2024-04-26 or 2024-04-26T10:00:00Z`);
          }
        }
        for (const good of ['2024-02-29', '2024-04-26T10:00:00Z', '2024-04-26T10:00:00.5%2B02:00']) {
          expect((await reads.inject({ url: `${route}?since=${good}&until=${good}` })).statusCode, `${route} ${good}`).toBe(200);
        }
      }
      expect(searchCalls.map((p) => p.since)).toEqual(['2024-02-29', '2024-04-26T10:00:00Z', '2024-04-26T10:00:00.5+02:00']);
    } finally {
      await reads.close();
    }
  });

  it('with API_READS_OPEN=false, decides on the route the router matched, not on a path normalised otherwise', async () => {
    const closed = otherApp({ readsOpen: false });
    await closed.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { port } = closed.server.address() as AddressInfo;
      // Raw request targets: an HTTP client (and inject) would normalise them first.
      const get = (path: string) =>
        new Promise<number>((resolve, reject) => {
          const req = httpRequest({ host: '127.0.0.1', port, path }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', reject);
          req.end();
        });
      expect(await get('/healthz')).toBe(200);
      expect(await get('/articles/..\\..\\healthz')).toBe(401);
      expect(await get('/articles/..%5C..%5Chealthz')).toBe(401);
      expect(await get('/ui/assets/app.js/..\\..\\..\\healthz')).toBe(401);
      expect(await get('/search/..\\healthz?q=x')).toBe(401);
      expect(await get('/search?q=x')).toBe(401);
    } finally {
      await closed.close();
    }
  });

  it('keeps the token out of the request log, in the query and in headers', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const TOKEN = 'a-token-of-sixteen-chars';
    const logged = otherApp({ readsOpen: false, logger: createLogger('info', {}, sink) });
    try {
      expect((await logged.inject({ url: `/admin/queues?token=${TOKEN}` })).statusCode).toBe(303);
      expect((await logged.inject({ url: `/?token=${TOKEN}&x=1` })).statusCode).toBe(303);
      expect(
        (
          await logged.inject({
            url: `/search?q=a&token=${TOKEN}`,
            headers: { authorization: `Bearer ${TOKEN}`, cookie: `newsflow_admin=${TOKEN}` },
          })
        ).statusCode,
      ).toBe(200);
      expect((await logged.inject({ url: `/nowhere?token=${TOKEN}`, headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(404);
      const log = lines.join('\n');
      expect(lines.length).toBeGreaterThan(4);
      expect(log).not.toContain(TOKEN);
      const urls = lines.map((l) => (JSON.parse(l) as { req?: { url: string } }).req?.url).filter(Boolean);
      expect(urls).toEqual([
        '/admin/queues?token=[redacted]',
        '/?token=[redacted]&x=1',
        '/search?q=a&token=[redacted]',
        '/nowhere?token=[redacted]',
      ]);
      expect(log).toContain('Route GET:/nowhere?token=[redacted] not found');
    } finally {
      await logged.close();
    }
  });
});

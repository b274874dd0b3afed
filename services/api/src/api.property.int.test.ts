import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { isArticleId } from '@newsflow/contracts';
import { buildArticleDocument } from '../../../test/support/article-documents';
import type { StoredArticle } from '@newsflow/contracts';
import { startRealApiApp, type RealApiApp } from '../../../test/support/api-app';
import { storedArticle } from '../../../test/support/stored-article';

// Property-based tests (fast-check) of the API's inputs, on the real Redis and the real local
// engine: random and hostile query parameters never make /search or /quotes answer 500, and no
// POST /articles body makes it answer 500 or leaves an in-flight marker without its job.
// Bounded runs (seconds); a failure prints the seed and the smallest input that fails.

/** What people and scanners put in query strings: engine syntax, injections, numbers out of range, odd text. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(...'"*\\()~|+-!^:[]{}/<>&=?#%\'` \t\nAND OR NOT'), maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '"',
    '"unclosed',
    '*',
    '\\',
    '((((',
    'a OR b',
    'a AND (b OR',
    '-',
    '~1',
    'a|b',
    'a^2',
    'field:value',
    '_id:*',
    '/regex.*/',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '${jndi:ldap://x}',
    '{{7*7}}',
    '\u0000',
    '\ud800',
    '%',
    'NaN',
    'Infinity',
    '-1',
    '-0',
    '1e400',
    '0x10',
    '1.5',
    '99999999999999999999999',
    '10000',
    '9990',
    '100',
    '101',
    '2024-02-30',
    '2024-02-29',
    '2024-04-26T10:00:00Z',
    '+275760-09-13',
    '0000-00-00',
    'relevance',
    'date',
    'free',
    'paywalled',
    'en',
    'Wang Yi',
    'x'.repeat(1001),
    'é'.repeat(300),
  ),
);
const knownParams = [
  'q',
  'person',
  'organization',
  'location',
  'speaker',
  'site',
  'lang',
  'access',
  'source',
  'since',
  'until',
  'sort',
  'from',
  'size',
];
const paramName = fc.oneof(
  fc.constantFrom(...knownParams),
  fc.constantFrom('__proto__', 'constructor', 'q[]', 'q[a]', 'size[0]', ''),
  fc.string({ maxLength: 12 }),
);
/** Percent-encoded as a client would send it (a lone surrogate cannot be: it goes as U+FFFD). */
const encode = (s: string) => encodeURIComponent(Buffer.from(s, 'utf8').toString('utf8'));
/** A query string: encoded pairs (some names repeated), or now and then raw bytes as a client may send them. */
const queryString = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(fc.tuple(paramName, hostileText), { maxLength: 6 })
      .map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')),
  },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'q=&%E0A9fz+;#size1from-'), maxLength: 40 }) },
);

function stored(url: string, text: string): StoredArticle {
  return storedArticle({
    url,
    finalUrl: url,
    title: 'Talks in Beijing',
    byline: 'Jane Roe',
    authors: ['Jane Roe'],
    publishedAt: '2024-04-26T08:00:00.000Z',
    siteName: 'Example News',
    text,
  });
}

function expectErrorShape(res: LightMyRequestResponse, what: string): void {
  const body = res.json() as Record<string, unknown>;
  expect(Object.keys(body), what).toEqual(['error']);
  expect(typeof body.error, what).toBe('string');
}

describe('the API under random and hostile input (property-based, real Redis and engine)', () => {
  let api: RealApiApp;
  beforeAll(async () => {
    api = await startRealApiApp({ enqueueRate: { perMinute: 0 } });
    // A few documents, so that queries reach highlights, nested quotations and facets.
    const docs = ['https://news.example.com/a', 'https://news.example.com/b', 'https://other.example.org/c'].map((url, i) =>
      buildArticleDocument(
        `${String(i).repeat(32)}`,
        stored(url, `Wang Yi said the relationship is facing all kinds of disruptions. Antony Blinken met him in Beijing (${i}).`),
        {
          entities: [
            { name: 'Wang Yi', type: 'PERSON', mentions: [{ text: 'Wang Yi' }] },
            { name: 'Beijing', type: 'LOCATION', mentions: [{ text: 'Beijing' }] },
          ],
          quotes: [
            {
              text: 'the relationship is facing all kinds of disruptions',
              speaker: 'Wang Yi',
              speakerType: 'PERSON',
              kind: 'partial',
              cue: 'said',
            },
          ],
        } as never,
      ),
    );
    const written = await api.articles.write(docs, { refresh: true });
    expect(written.map((w) => w.error)).toEqual([null, null, null]);
  });
  afterAll(async () => {
    await api?.close();
  });

  it.each(['/search', '/quotes'])(
    '%s answers random and hostile parameters with 200 or its own 400, never a 500',
    async (route) => {
      const seen = { 200: 0, 400: 0 } as Record<number, number>;
      await fc.assert(
        fc.asyncProperty(queryString, async (query) => {
          const url = `${route}?${query}`;
          const res = await api.app.inject({ url });
          seen[res.statusCode] = (seen[res.statusCode] ?? 0) + 1;
          expect([200, 400], `${url} → ${res.statusCode} ${res.body.slice(0, 300)}`).toContain(res.statusCode);
          if (res.statusCode === 400) {
            expectErrorShape(res, url);
          } else {
            const body = res.json() as { total: unknown; results?: unknown; quotes?: unknown };
            expect(typeof body.total, url).toBe('number');
            expect(Array.isArray(route === '/search' ? body.results : body.quotes), url).toBe(true);
          }
        }),
        { numRuns: 150 },
      );
      // Both kinds were met: hostile text did reach the engine, not only the API's own checks.
      expect(seen[200]).toBeGreaterThan(20);
      expect(seen[400]).toBeGreaterThan(20);
    },
    60_000,
  );

  /** What a POST /articles body may be: JSON of any shape, a url of any kind, or not JSON at all. */
  const urlValue = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.webUrl().map((u) => `${u}/${'é'.repeat(3000)}`), // grows past the limit once normalised
    fc.constantFrom(
      '',
      ' ',
      'mailto:x@example.com',
      'javascript:alert(1)',
      'http://',
      'http://[::1',
      'http://127.0.0.1/',
      'file:///etc/passwd',
      'https://example.com/%',
      `https://example.com/${'a'.repeat(8180)}`,
    ),
    hostileText,
    fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.webUrl(), { maxLength: 2 }), fc.object({ maxDepth: 1 })),
  );
  const body = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({ url: urlValue }, { requiredKeys: [] }).map((b) => ({ payload: JSON.stringify(b), type: 'application/json' })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          urlValue,
          fc.dictionary(
            fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id'), fc.string({ maxLength: 8 })),
            fc.jsonValue({ maxDepth: 2 }),
            { maxKeys: 3 },
          ),
        )
        .map(([url, extra]) => ({
          payload: `{${[...Object.entries(extra).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`), `"url":${JSON.stringify(url)}`].join(',')}}`,
          type: 'application/json',
        })),
    },
    {
      weight: 1,
      arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => ({ payload: JSON.stringify(v) ?? 'null', type: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.string({ maxLength: 80 }),
          fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16'),
        )
        .map(([payload, type]) => ({ payload, type })),
    },
  );

  it('never answers POST /articles with a 500, and never leaves an in-flight marker without its job', async () => {
    await fc.assert(
      fc.asyncProperty(body, async ({ payload, type }) => {
        const res = await api.app.inject({ method: 'POST', url: '/articles', payload, headers: { 'content-type': type } });
        const what = `${type} ${payload.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect([202, 400, 413, 415], what).toContain(res.statusCode);
        if (res.statusCode !== 202) return expectErrorShape(res, what);
        const { id, status } = res.json() as { id: string; status: string };
        expect(isArticleId(id), what).toBe(true);
        expect(['queued', 'in-flight'], what).toContain(status);
        expect(await api.redis.exists(`${api.prefix}:inflight:${id}`), what).toBe(1);
        expect(await api.queues.fetch.getJob(id), what).toBeTruthy();
      }),
      { numRuns: 200 },
    );
    // And across everything the runs left behind: every marker has its job.
    const markers = await api.redis.keys(`${api.prefix}:inflight:*`);
    expect(markers.length).toBeGreaterThan(10);
    const orphans = [];
    for (const key of markers) {
      const id = key.slice(key.lastIndexOf(':') + 1);
      if (!(await api.queues.fetch.getJob(id))) orphans.push(id);
    }
    expect(orphans).toEqual([]);
  }, 60_000);

  it('enqueues one job when the same URL is posted many times at once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.webUrl(), fc.integer({ min: 2, max: 8 }), async (url, n) => {
        const answers = await Promise.all(
          Array.from({ length: n }, () =>
            api.app.inject({ method: 'POST', url: '/articles', payload: { url: `${url}#p${Math.random()}` } }),
          ),
        );
        const bodies = answers.map((a) => a.json() as { id: string; status: string });
        expect(answers.map((a) => a.statusCode)).toEqual(Array(n).fill(202));
        expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
        expect(bodies.filter((b) => b.status === 'queued').length).toBeLessThanOrEqual(1);
        expect(await api.queues.fetch.getJob(bodies[0]!.id)).toBeTruthy();
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});

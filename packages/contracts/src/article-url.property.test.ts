import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentIdFor } from './article-identity';
import {
  ARTICLE_ID_PATTERN,
  articleIdFor,
  assertUrlFitsJob,
  InvalidUrlError,
  isArticleId,
  normalizeArticleUrl,
  resolveUrlInput,
  UrlTooLongError,
} from './article-url';
import { fetchJob } from './jobs/fetch.job';

// Property-based tests (fast-check) of URL normalisation and ids: whatever is typed or pasted,
// normalisation either gives one stable URL and id or refuses with its own error, and the id
// always has the one shape every reader of ids accepts. Bounded runs: seconds, not minutes.
const RUNS = { numRuns: 200 };

const httpUrl = fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true });
/** Text with what breaks parsers: controls, non-ASCII, percent signs, brackets, spaces. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom(...":/?#[]@!$&'()*+,;=%\\ \t\n\u0000é中😀.-_~"), maxLength: 120 }),
  fc
    .tuple(fc.constantFrom('http://', 'https://', 'HTTP://', 'ftp://', 'javascript:', 'data:', '//', ''), fc.string({ maxLength: 200 }))
    .map(([a, b]) => a + b),
);
const tracking = fc.constantFrom('utm_source', 'utm_medium', 'UTM_Campaign', 'fbclid', 'gclid', 'msclkid', 'mc_cid', '_ga', 'igshid');

describe('URL normalisation and ids (property-based)', () => {
  it('normalises any http(s) URL to a fixed point, and its id is the id of every spelling of it', () => {
    fc.assert(
      fc.property(httpUrl, (url) => {
        const once = normalizeArticleUrl(url);
        expect(normalizeArticleUrl(once)).toBe(once);
        const id = articleIdFor(once);
        expect(id).toMatch(ARTICLE_ID_PATTERN);
        expect(resolveUrlInput(url)).toEqual({ ok: true, url: once, id });
        expect(resolveUrlInput(`  ${url}\n`).id).toBe(id);
      }),
      RUNS,
    );
  });

  it('gives one id whatever the tracking parameters, fragment, parameter order, scheme and host case or default port', () => {
    fc.assert(
      fc.property(
        fc.domain(),
        fc.constantFrom('http', 'https'),
        fc.array(fc.webSegment(), { maxLength: 3 }),
        fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/), fc.webSegment()), { maxLength: 4, selector: ([k]) => k }),
        fc.array(fc.tuple(tracking, fc.webSegment()), { maxLength: 3 }),
        fc.webFragments(),
        (host, scheme, segments, params, trackers, fragment) => {
          const path = `/${segments.join('/')}`;
          const query = (pairs: [string, string][]) =>
            pairs.length ? `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}` : '';
          const plain = `${scheme}://${host}${path}${query(params)}`;
          const port = scheme === 'http' ? ':80' : ':443';
          const noisy = `${scheme.toUpperCase()}://${host.toUpperCase()}${port}${path}${query([...params].reverse().concat(trackers))}#${fragment}`;
          expect(articleIdFor(normalizeArticleUrl(noisy))).toBe(articleIdFor(normalizeArticleUrl(plain)));
        },
      ),
      RUNS,
    );
  });

  it('never throws anything but its own error on hostile input; what it refuses still gets an id and a reason', () => {
    fc.assert(
      fc.property(hostile, (raw) => {
        try {
          const url = normalizeArticleUrl(raw);
          expect(url).toMatch(/^https?:\/\//);
        } catch (err) {
          expect(err).toBeInstanceOf(InvalidUrlError);
        }
        const r = resolveUrlInput(raw);
        expect(r.id).toMatch(ARTICLE_ID_PATTERN);
        if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('refuses before the job only what no job could carry: anything it lets through is a valid fetch job', () => {
    const long = fc
      .tuple(httpUrl, fc.string({ unit: fc.constantFrom('a', 'é', '%', ' ', '中'), minLength: 2000, maxLength: 4500 }))
      .map(([u, s]) => `${u}/${s}`);
    fc.assert(
      fc.property(fc.oneof(httpUrl, hostile, long), (raw) => {
        const input = resolveUrlInput(raw);
        try {
          assertUrlFitsJob(input.url, raw);
        } catch (err) {
          expect(err).toBeInstanceOf(UrlTooLongError);
          return;
        }
        const job = fetchJob.schema.safeParse({ v: 1, id: input.id, url: input.url, requestedAt: new Date().toISOString() });
        expect(job.success, job.error?.message).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('gives every document an id, and never one from a canonical URL on another site', () => {
    fc.assert(
      fc.property(httpUrl, fc.oneof(httpUrl, hostile, fc.constant(null)), fc.domain(), (finalUrl, canonical, otherSite) => {
        const jobId = articleIdFor(finalUrl);
        expect(documentIdFor(jobId, finalUrl, canonical)).toMatch(ARTICLE_ID_PATTERN);
        const own = documentIdFor(jobId, finalUrl, null);
        // A canonical URL on a registrable domain of its own (`elsewhere-<x>.example`) is a claim on another site.
        const foreign = `https://${otherSite}.elsewhere-${jobId.slice(0, 6)}.example/${jobId}`;
        expect(documentIdFor(jobId, finalUrl, foreign)).toBe(own);
      }),
      RUNS,
    );
  });

  it('accepts as an id exactly what articleIdFor makes: 32 lowercase hex characters', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 30, maxLength: 34 }),
          fc.string({ maxLength: 40 }),
          fc.webUrl().map(articleIdFor),
        ),
        (s) => {
          expect(isArticleId(s)).toBe(/^[0-9a-f]{32}$/.test(s) && !s.includes('\n'));
        },
      ),
      { numRuns: 300 },
    );
  });
});

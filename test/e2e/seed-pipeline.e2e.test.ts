import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDocument, ArticleStatus } from '@newsflow/contracts';
import { fixture, startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { startTestPipeline, type TestPipeline } from '../support/pipeline';
import { eventually } from '../support/services';
import { checkAgainstGold } from '../support/seed-gold';

type ArticleResponse = ArticleStatus & { document: ArticleDocument | null };

const SEED_PATH = '/2024/04/26/blinken-confronts-china-russia-war/';

describe('the seed article through the whole pipeline (real Redis, real engine)', () => {
  let site: FixtureServer;
  let pipeline: TestPipeline;

  const post = (body: unknown) =>
    fetch(`${pipeline.apiUrl}/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const article = async (id: string) => (await (await fetch(`${pipeline.apiUrl}/articles/${id}`)).json()) as ArticleResponse;
  const settled = (id: string) =>
    eventually(`article ${id} to finish`, async () => {
      const a = await article(id);
      return a.state === 'done' || a.state === 'failed' ? a : null;
    });

  beforeAll(async () => {
    site = await startFixtureServer({
      [SEED_PATH]: { body: fixture('seed/seed.html') },
      '/about-us/': { body: fixture('pages/not-article.html') },
      '/report.pdf': { type: 'application/pdf', body: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF') },
    });
    pipeline = await startTestPipeline(['api', 'fetch', 'extract', 'enrich', 'index'], { FETCH_ALLOW_PRIVATE_NETWORKS: 'true' });
  });

  afterAll(async () => {
    await pipeline?.stop();
    await site?.close();
  });

  it('enqueued through the API, comes out clean, with its people, places and attributed quotations', async () => {
    const res = await post({ url: `${site.url}${SEED_PATH}?utm_source=newsletter#top` });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const done = await settled(id);
    expect(done.reason).toBeNull();
    expect(done.state).toBe('done');
    const doc = done.document;
    expect(doc).not.toBeNull();
    const report = checkAgainstGold(doc!);
    expect(report.problems).toEqual([]);
    expect(doc!.siteName).toBe('The New Daily');
    expect(doc!.url).toBe(`${site.url}${SEED_PATH}`);
    expect(done.trace.map((t) => `${t.stage}:${t.event}`)).toEqual(
      expect.arrayContaining(['fetch:completed', 'extract:completed', 'enrich:completed', 'index:completed']),
    );
  });

  it('finds "quotes by Wang Yi containing relationship" with one search', async () => {
    await pipeline.process.articles.refresh();
    const res = await fetch(`${pipeline.apiUrl}/search?q=relationship&speaker=${encodeURIComponent('Wang Yi')}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number; results: { title: string; matchingQuotes: { text: string; speaker: string }[] }[] };
    expect(body.total).toBe(1);
    const quotes = body.results[0]!.matchingQuotes;
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.every((q) => q.speaker === 'Wang Yi' && /relationship/i.test(q.text))).toBe(true);
    expect(quotes.map((q) => q.text).join(' ')).toMatch(/facing all kinds of disruptions/);
  });

  it('does the work once for a URL enqueued twice in flight, and a re-crawl updates the one document', async () => {
    const url = `${site.url}${SEED_PATH}`;
    const [a, b] = await Promise.all([post({ url }), post({ url: `${url}?fbclid=abc` })]);
    const ra = (await a.json()) as { id: string; status: string };
    const rb = (await b.json()) as { id: string; status: string };
    expect(ra.id).toBe(rb.id);
    expect([ra.status, rb.status].sort()).toEqual(['in-flight', 'queued']);
    const done = await settled(ra.id);
    expect(done.state).toBe('done');
    await pipeline.process.articles.refresh();
    const found = await pipeline.process.articles.search({ q: 'Blinken' });
    expect(found.total).toBe(1);
    // Fetched twice in all (the first test and this re-crawl), never three times.
    expect(site.hits.get(SEED_PATH)).toBe(2);
  });

  it.each([
    ['an invalid URL', 'not a url', /not a valid absolute URL/],
    ['a non-http scheme', 'ftp://example.com/file.txt', /only http and https/],
    ['a 404', 'PATH:/gone/', /404/],
    ['a non-HTML response', 'PATH:/report.pdf', /application\/pdf|not an HTML page|not HTML/i],
    ['a page with no article', 'PATH:/about-us/', /no article|not an article|article/i],
  ])('%s ends as a failed job with its reason', async (_name, input, reason) => {
    const url = input.startsWith('PATH:') ? `${site.url}${input.slice(5)}` : input;
    const res = await post({ url });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const done = await settled(id);
    expect(done.state).toBe('failed');
    expect(done.reason).toMatch(reason);
  });

  it('answers a malformed request with 400 and a message', async () => {
    const res = await post({ link: 'https://example.com' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/url/);
    const bad = await fetch(`${pipeline.apiUrl}/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"url":',
    });
    expect(bad.status).toBe(400);
    expect((await fetch(`${pipeline.apiUrl}/articles/xyz`)).status).toBe(400);
    expect((await fetch(`${pipeline.apiUrl}/search?size=1000`)).status).toBe(400);
  });
});

describe('with private networks not allowed (the default)', () => {
  let site: FixtureServer;
  let pipeline: TestPipeline;
  beforeAll(async () => {
    site = await startFixtureServer({ '/internal/': { body: fixture('seed/seed.html') } });
    pipeline = await startTestPipeline(['api', 'fetch']);
  });
  afterAll(async () => {
    await pipeline?.stop();
    await site?.close();
  });

  it('a private address ends as a failed job with its reason, and is never connected to', async () => {
    const res = await fetch(`${pipeline.apiUrl}/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${site.url}/internal/` }),
    });
    const { id } = (await res.json()) as { id: string };
    const done = await eventually('the failure', async () => {
      const a = (await (await fetch(`${pipeline.apiUrl}/articles/${id}`)).json()) as ArticleResponse;
      return a.state === 'failed' ? a : null;
    });
    expect(done.reason).toMatch(/127\.0\.0\.1 is a loopback address.*FETCH_ALLOW_PRIVATE_NETWORKS=true/);
    expect(site.hits.size).toBe(0);
  });
});

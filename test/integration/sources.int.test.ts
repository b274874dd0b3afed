import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverSchedulerId, resolveUrlInput, type PollResult } from '@newsflow/contracts';
import { createDiscoverQueue, sourceKeys, type SourceView } from '@newsflow/runtime';
import { fixture } from '../support/fixture-server';
import { startTestPipeline, type TestPipeline } from '../support/pipeline';
import { eventually } from '../support/services';
import { homePage, rssFeed, sitemapIndex, startSourceSite, urlset, type SourceSite } from '../support/source-site';

// The api and discover services in this process, as `newsflow start` wires them, on the real
// Redis; no fetch worker runs, so the fetch queue shows exactly what discover enqueued.
describe('sources: add, poll, enqueue only what is new (real Redis, loopback sites)', () => {
  let site: SourceSite;
  /** Another origin, with no robots.txt of its own. */
  let bare: SourceSite;
  let pipeline: TestPipeline;
  let discover: ReturnType<typeof createDiscoverQueue>;
  const at = (path: string) => `${site.url}${path}`;
  const idOf = (url: string) => resolveUrlInput(url).id;

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${pipeline.apiUrl}${path}`, {
      method,
      ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as Record<string, unknown>) };
  };
  const source = async (id: string) => (await api('GET', `/sources/${id}`)).body as unknown as SourceView;
  /** Waits for a poll that ended after `since` (the previous poll's `at`, or null for the first). */
  const polled = (id: string, since: string | null = null) =>
    eventually(
      `a poll of ${id}`,
      async () => {
        const s = await source(id);
        return s.lastPoll && s.lastPoll.at !== since ? s : null;
      },
      20_000,
    );
  const add = async (url: string, every?: string) => {
    const res = await api('POST', '/sources', { url, ...(every ? { every } : {}) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as unknown as SourceView;
  };
  const pollAgain = async (s: SourceView) => {
    expect((await api('POST', `/sources/${s.id}/poll`)).status).toBe(202);
    return polled(s.id, s.lastPoll?.at ?? null);
  };
  const fetchJobIds = async () =>
    (await pipeline.process.infra.queues.fetch.getJobs(['waiting', 'delayed', 'prioritized'])).map((j) => j.id).sort();
  const result = (s: SourceView) => s.lastPoll as PollResult;

  beforeAll(async () => {
    // robots.txt is read once per site and cached: it is there from the start.
    site = await startSourceSite();
    site.set('/robots.txt', {
      body: `User-agent: *\nDisallow: /private/\n\nSitemap: ${at('/site/sitemap-index.xml')}\n`,
      type: 'text/plain',
    });
    bare = await startSourceSite({ '/': { body: '<!doctype html><title>Nothing here</title><p>No feeds.</p>', type: 'text/html' } });
    pipeline = await startTestPipeline(['api', 'discover'], {
      FETCH_ALLOW_PRIVATE_NETWORKS: 'true',
      FETCH_HOST_RATE: '100',
      FETCH_HOST_CONCURRENCY: '8',
      DISCOVER_CONCURRENCY: '4',
      DISCOVER_MAX_NEW_PER_POLL: '10',
      DISCOVER_TIMEOUT_MS: '10000',
      DISCOVER_MAX_BYTES: String(16 * 1024 * 1024),
    });
    discover = createDiscoverQueue(pipeline.process.infra.connection, pipeline.config.redis.prefix);
  });
  afterAll(async () => {
    await discover?.close();
    await pipeline?.stop();
    await site?.close();
    await bare?.close();
  });

  it('a feed: enqueued on the first poll, scheduled, a 304 next, then only the new item and the one whose date moved', async () => {
    const items = [1, 2, 3].map((i) => ({ url: at(`/feed-news/${i}`), date: `2024-05-0${i}T10:00:00Z` }));
    site.set('/feed.xml', { body: rssFeed(items), type: 'application/rss+xml' });
    const s = await add(at('/feed.xml'), '2h');
    expect(s.every).toBe('2h');
    expect(s.kind).toBeNull();

    const first = await polled(s.id);
    expect(first.kind).toBe('feed');
    expect(result(first)).toMatchObject({ status: 'ok', error: null, documents: 1, found: 3, fresh: 3, enqueued: 3 });
    expect(await fetchJobIds()).toEqual(items.map((i) => idOf(i.url)).sort());
    // Scheduled with a BullMQ job scheduler, every 2 hours.
    const scheduler = await discover.getJobScheduler(discoverSchedulerId(s.id));
    expect(scheduler?.every).toBe(2 * 3600_000);

    const second = await pollAgain(first);
    expect(result(second)).toMatchObject({ status: 'unchanged', found: 0, enqueued: 0 });
    expect(site.requests.filter((r) => r.path === '/feed.xml').at(-1)?.headers['if-none-match']).toMatch(/^"/);

    site.set('/feed.xml', {
      body: rssFeed([
        { url: at('/feed-news/4'), date: '2024-05-04T10:00:00Z' },
        { url: items[0]!.url, date: '2024-05-09T10:00:00Z' },
        items[1]!,
        items[2]!,
      ]),
      type: 'application/rss+xml',
    });
    const third = await pollAgain(second);
    expect(result(third)).toMatchObject({ status: 'ok', found: 4, fresh: 2, enqueued: 1 });
    // The moved one was still in the pipeline (no fetch worker here): 'in-flight', not queued again.
    expect((await fetchJobIds()).length).toBe(4);
    expect(third.enqueuedTotal).toBe(4);
  });

  it('a site: feeds from <link rel="alternate">, sitemaps from robots.txt, a gzipped and nested index, its loops caught', async () => {
    site.set('/site/', { body: homePage(['/site/feed.xml']), type: 'text/html; charset=utf-8' });
    site.set('/site/feed.xml', { body: rssFeed([{ url: at('/site/a') }, { url: at('/site/b') }]), type: 'application/rss+xml' });
    site.set('/site/sitemap-index.xml', {
      body: sitemapIndex([at('/site/sitemap-index.xml'), at('/site/news.xml.gz'), at('/site/nested-index.xml')]),
    });
    site.set('/site/news.xml.gz', {
      body: gzipSync(urlset([{ url: at('/site/b') }, { url: at('/site/c') }], true)),
      type: 'application/x-gzip',
    });
    site.set('/site/nested-index.xml', { body: sitemapIndex([at('/site/pages.xml'), at('/site/news.xml.gz')]) });
    site.set('/site/pages.xml', {
      body: urlset([{ url: at('/site/d'), lastmod: '2024-05-01' }, { url: '/site/relative' }, { url: 'mailto:x@example.com' }]),
    });

    const s = await polled((await add(at('/site/'))).id);
    expect(s.kind).toBe('site');
    expect(s.endpoints).toEqual([at('/site/feed.xml'), at('/site/sitemap-index.xml')]);
    const r = result(s);
    expect(r).toMatchObject({ status: 'partial', documents: 6, found: 4, enqueued: 4 });
    expect(r.error).toContain('sitemap-index.xml is a sitemap index that lists itself (a loop)');
    expect(r.error).toContain(`lists ${at('/site/news.xml.gz')}, which this poll reads already`);
    expect(r.error).toContain('pages.xml: 2 links skipped (relative: "/site/relative"; not http(s): "mailto:x@example.com")');
  });

  it('bad input: each source says what is wrong, nothing crashes, and a good source polled alongside goes on', async () => {
    const entry = (i: number) => `<url><loc>${at(`/bomb/${i}`)}</loc></url>`;
    site.set('/bad/malformed.xml', { body: fixture('sources/malformed.xml') });
    site.set('/bad/laughs.xml', { body: fixture('sources/billion-laughs.xml') });
    site.set('/bad/xxe.xml', { body: fixture('sources/external-entity.xml'), type: 'application/rss+xml' });
    site.set('/bad/bomb.xml.gz', {
      body: gzipSync(Buffer.concat([Buffer.from(`<?xml version="1.0"?><urlset>${entry(1)}`), Buffer.alloc(32 * 1024 * 1024, 0x20)])),
    });
    site.set('/bad/page.html', { body: fixture('sources/not-a-feed.html'), type: 'text/html' });
    site.set('/bad/home/', { body: homePage(['/bad/page.html']), type: 'text/html' });
    site.set('/bad/index.xml', { body: sitemapIndex([at('/bad/index.xml')]) });
    site.set('/private/feed.xml', { body: rssFeed([{ url: at('/private/x') }]) });
    site.set('/good.xml', { body: urlset([{ url: at('/good/1') }, { url: at('/good/2') }]) });

    const cases: [string, RegExp, PollResult['status']][] = [
      ['/bad/malformed.xml', /malformed\.xml is not well-formed XML \(line 4, column \d+: Unexpected close tag\)/, 'partial'],
      ['/bad/laughs.xml', /laughs\.xml declares entities in its DOCTYPE.*never expands/, 'failed'],
      ['/bad/xxe.xml', /xxe\.xml declares entities in its DOCTYPE/, 'failed'],
      ['/bad/bomb.xml.gz', /bomb\.xml\.gz inflates to more than \d+ bytes, the limit \(a gzip bomb\?\)/, 'partial'],
      ['/bad/home/', /page\.html is an HTML page where a feed or sitemap was expected/, 'partial'],
      [`${bare.url}/`, /announces no feed .* and its robots\.txt lists no sitemap/, 'failed'],
      ['/bad/index.xml', /index\.xml is a sitemap index that lists itself \(a loop\)/, 'partial'],
      ['/bad/missing.xml', /missing\.xml answered 404/, 'failed'],
      ['/private/feed.xml', /disallowed by .*robots\.txt/, 'failed'],
    ];
    const added = await Promise.all(cases.map(([path]) => add(path.startsWith('http') ? path : at(path))));
    const good = await add(at('/good.xml'));
    const polls = await Promise.all(added.map((s) => polled(s.id)));
    polls.forEach((s, i) => {
      const [path, error, status] = cases[i]!;
      expect(result(s).error, path).toMatch(error);
      expect(result(s).status, path).toBe(status);
    });
    expect(result(await polled(good.id))).toMatchObject({ status: 'ok', found: 2, enqueued: 2 });
    // What came before the break or the bomb was still used.
    expect(await fetchJobIds()).toEqual(
      expect.arrayContaining([idOf('https://www.example.com/fine/before-the-break'), idOf(at('/bomb/1'))]),
    );
  }, 60_000);

  it('an HTML page given for a feed fails with a clear error (its host is not crawled); a section page that links its feed is a site', async () => {
    // This host's robots.txt lists a sitemap: taking these pages for sites would follow it.
    const page = (title: string) => `<!doctype html><html><head><title>${title}</title></head><body><p>${title}</p></body></html>`;
    site.set('/html-as-feed.xml', { body: page('Not a feed'), type: 'application/rss+xml' });
    site.set('/2024/05/07/a-story.html', { body: page('A story'), type: 'text/html' });
    site.set('/section/', { body: homePage(['/section/feed.xml']), type: 'text/html' });
    site.set('/section/feed.xml', { body: rssFeed([{ url: at('/section/1') }]), type: 'application/rss+xml' });
    const sitemapReads = site.hits('/site/sitemap-index.xml');

    const [asFeed, article] = await Promise.all([add(at('/html-as-feed.xml')), add(at('/2024/05/07/a-story.html'))]);
    const refused = [await polled(asFeed.id), await polled(article.id)];
    expect(result(refused[0]!).error).toBe(
      `${at('/html-as-feed.xml')} is an HTML page, not a feed or sitemap (though served as application/rss+xml); give the feed's URL or the site's home page`,
    );
    expect(result(refused[1]!).error).toBe(
      `${at('/2024/05/07/a-story.html')} is an HTML page, not a feed or sitemap (and not a site's home page: it links no feeds); give the feed's URL or the site's home page`,
    );
    for (const s of refused) {
      expect(s.kind).toBeNull();
      expect(s.endpoints).toEqual([]);
      expect(result(s)).toMatchObject({ status: 'failed', documents: 1, found: 0, enqueued: 0 });
    }
    expect(site.hits('/site/sitemap-index.xml')).toBe(sitemapReads);

    const section = await polled((await add(at('/section/'))).id);
    expect(section.kind).toBe('site');
    expect(section.endpoints).toEqual([at('/section/feed.xml'), at('/site/sitemap-index.xml')]);
    expect(await fetchJobIds()).toContain(idOf(at('/section/1')));

    // A page taken for a site before pages were checked, and unchanged since (a 304): its
    // address alone says it is no home page.
    const redis = pipeline.process.infra.connection;
    const keys = sourceKeys(pipeline.config.redis.prefix, asFeed.id);
    const etag = (await fetch(at('/html-as-feed.xml'))).headers.get('etag');
    await redis.hset(keys.record, 'kind', 'site', 'endpoints', JSON.stringify([at('/site/sitemap-index.xml')]));
    await redis.hset(
      keys.documents,
      at('/html-as-feed.xml'),
      JSON.stringify({ etag, lastModified: null, format: 'html', next: [{ url: at('/site/sitemap-index.xml'), changedAt: null }] }),
    );
    const reads = site.hits('/site/sitemap-index.xml');
    const again = await pollAgain(refused[0]!);
    expect(result(again)).toMatchObject({ status: 'failed', documents: 1, found: 0 });
    expect(result(again).error).toMatch(/html-as-feed\.xml is an HTML page, not a feed or sitemap \(though its address names one\)/);
    expect(site.hits('/site/sitemap-index.xml')).toBe(reads);
  });

  it('enqueues the newest first, at most DISCOVER_MAX_NEW_PER_POLL a poll; the rest come with the next polls', async () => {
    const items = Array.from({ length: 25 }, (_, i) => ({
      url: at(`/many/${i}`),
      lastmod: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
    }));
    site.set('/many.xml', { body: urlset(items) });
    const first = await polled((await add(at('/many.xml'))).id);
    expect(result(first)).toMatchObject({ found: 25, fresh: 25, enqueued: 10 });
    const jobs = new Set(await fetchJobIds());
    expect(items.slice(15).every((i) => jobs.has(idOf(i.url)))).toBe(true);
    expect(items.slice(0, 15).some((i) => jobs.has(idOf(i.url)))).toBe(false);
    // A capped poll keeps no validators for the sitemap: the next poll reads it in full.
    const second = await pollAgain(first);
    expect(result(second)).toMatchObject({ found: 25, fresh: 15, enqueued: 10 });
    const third = await pollAgain(second);
    expect(result(third)).toMatchObject({ found: 25, fresh: 5, enqueued: 5 });
    const fourth = await pollAgain(third);
    expect(result(fourth)).toMatchObject({ status: 'unchanged', enqueued: 0 });
  });

  describe('adding a followed source again with another interval keeps it polled no sooner than its last poll plus that interval', () => {
    const readd = async (url: string, every: string) => {
      const res = await api('POST', '/sources', { url, every });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body as unknown as SourceView;
    };
    const nextRun = async (id: string) => (await discover.getJobScheduler(discoverSchedulerId(id)))?.next;
    /** The source's polls due now or running (a scheduled poll waits as a delayed job). */
    const pollsNow = async (id: string) =>
      (await discover.getJobs(['waiting', 'active', 'prioritized'])).filter((j) => j.data.sourceId === id);

    it('after a poll: each change of interval counts from that poll, and none polls at once', async () => {
      site.set('/every.xml', { body: rssFeed([{ url: at('/every/1') }]), type: 'application/rss+xml' });
      const first = await polled((await add(at('/every.xml'))).id);
      const lastAt = Date.parse(result(first).at);
      const changes: [string, number][] = [
        ['2h', 2 * 3600_000],
        ['15m', 15 * 60_000],
        ['1m', 60_000],
        ['2h', 2 * 3600_000],
      ];
      for (const [every, ms] of changes) {
        const s = await readd(at('/every.xml'), every);
        expect(s.every).toBe(every);
        expect(await nextRun(first.id), every).toBe(lastAt + ms);
        expect(s.nextPollAt, every).toBe(new Date(lastAt + ms).toISOString());
        expect(await pollsNow(first.id), every).toEqual([]);
      }
      expect(result(await source(first.id)).at).toBe(result(first).at);
    });

    it('during a poll (the first): that poll counts as the last', async () => {
      let release = () => {};
      const held = new Promise<void>((r) => (release = r));
      site.set('/slow.xml', {
        type: 'application/rss+xml',
        stream: () =>
          Readable.from(
            (async function* () {
              yield '<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title><link>https://example.invalid/</link>';
              await held;
              yield `<item><link>${at('/slow/1')}</link></item></channel></rss>`;
            })(),
          ),
      });
      const s = await add(at('/slow.xml'));
      const running = await eventually(
        'the first poll running',
        async () => (await discover.getActive()).find((j) => j.data.sourceId === s.id),
        10_000,
      );
      await readd(at('/slow.xml'), '2h');
      expect(await nextRun(s.id)).toBe((running.processedOn as number) + 2 * 3600_000);
      expect((await pollsNow(s.id)).map((j) => j.id)).toEqual([running.id]);
      release();
      expect(result(await polled(s.id))).toMatchObject({ status: 'ok', found: 1 });
      expect(await nextRun(s.id)).toBe((running.processedOn as number) + 2 * 3600_000);
    });
  });

  it('lists, refuses bad input with 400, and removes a source with all it remembered', async () => {
    site.set('/gone.xml', { body: urlset([{ url: at('/gone/1') }]) });
    const s = await polled((await add(at('/gone.xml'))).id);
    const list = (await api('GET', '/sources')).body as { sources: SourceView[] };
    expect(list.sources.map((x) => x.url)).toContain(at('/gone.xml'));

    expect((await api('POST', '/sources', { url: 'ftp://example.com/feed' })).body).toEqual({
      error: expect.stringMatching(/url: .*only http and https/),
    });
    expect((await api('POST', '/sources', { url: at('/x.xml'), every: '5s' })).status).toBe(400);
    expect((await api('POST', '/sources', { url: at('/x.xml'), every: 'often' })).body?.error).toMatch(/not an interval/);
    expect((await api('POST', '/sources', { feed: at('/x.xml') })).status).toBe(400);
    expect((await api('DELETE', '/sources/nope')).status).toBe(400);
    // Adding it again changes only its interval.
    const again = await api('POST', '/sources', { url: at('/gone.xml'), every: '1h' });
    expect(again.status).toBe(200);
    expect((again.body as unknown as SourceView).id).toBe(s.id);

    expect((await api('DELETE', `/sources/${s.id}`)).status).toBe(204);
    expect((await api('GET', `/sources/${s.id}`)).status).toBe(404);
    expect((await api('POST', `/sources/${s.id}/poll`)).status).toBe(404);
    expect((await api('DELETE', `/sources/${s.id}`)).status).toBe(404);
    const redis = pipeline.process.infra.connection;
    const keys = sourceKeys(pipeline.config.redis.prefix, s.id);
    expect(await redis.exists(keys.record, keys.seen, keys.lastmod, keys.documents)).toBe(0);
    expect(await discover.getJobScheduler(discoverSchedulerId(s.id))).toBeUndefined();
  });
});

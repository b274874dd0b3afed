import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveUrlInput, type ArticleDocument } from '@newsflow/contracts';
import type { SourceView } from '@newsflow/runtime';
import { articlePage } from '../chaos/support/article-site';
import { runCli } from '../support/cli';
import { startTestPipeline, type TestPipeline } from '../support/pipeline';
import { eventually, TEST_SEARCH_FLAVOR } from '../support/services';
import { homePage, rssFeed, startSourceSite, urlset, type SourceSite } from '../support/source-site';

const ARTICLES = [1, 2, 3];

// The seed's sibling: a local news site with a feed (announced by its home page) and a Google
// News sitemap (listed in its robots.txt), both listing the same articles, followed as a source
// through the API; every service runs, on the real Redis, engine and NLP server.
describe('a site followed as a source, end to end', () => {
  let site: SourceSite;
  let pipeline: TestPipeline;
  const at = (path: string) => `${site.url}${path}`;
  const getSource = async (id: string) => (await (await fetch(`${pipeline.apiUrl}/sources/${id}`)).json()) as SourceView;
  const indexed = async () => {
    await pipeline.process.articles.refresh();
    // all=true: every copy, not one hit per story (these generated articles share a template).
    const res = await fetch(`${pipeline.apiUrl}/search?size=20&sort=date&all=true`);
    return (await res.json()) as { total: number; results: ArticleDocument[] };
  };

  beforeAll(async () => {
    site = await startSourceSite({
      '/': { body: homePage(['/feed.xml']), type: 'text/html; charset=utf-8' },
      ...Object.fromEntries(ARTICLES.map((i) => [`/news/${i}`, { body: articlePage(i), type: 'text/html; charset=utf-8' }])),
    });
    site.set('/robots.txt', { body: `User-agent: *\nAllow: /\nSitemap: ${at('/news-sitemap.xml')}\n`, type: 'text/plain' });
    site.set('/feed.xml', {
      body: rssFeed(ARTICLES.map((i) => ({ url: at(`/news/${i}`), date: `2024-05-0${i}T09:30:00Z` }))),
      type: 'application/rss+xml',
    });
    // The sitemap lists the same articles, one with a tracking parameter: still one article.
    site.set('/news-sitemap.xml', {
      body: urlset(
        ARTICLES.map((i) => ({
          url: at(`/news/${i}${i === 2 ? '?utm_source=sitemap' : ''}`),
          lastmod: `2024-05-0${i}T09:30:00Z`,
          title: `Story ${i}`,
        })),
        true,
      ),
    });
    pipeline = await startTestPipeline(['api', 'fetch', 'extract', 'enrich', 'index', 'discover'], {
      FETCH_ALLOW_PRIVATE_NETWORKS: 'true',
      FETCH_HOST_RATE: '50',
      FETCH_HOST_CONCURRENCY: '4',
    });
  });
  afterAll(async () => {
    await pipeline?.stop();
    await site?.close();
  });

  it('ends with each article indexed once, and a second poll enqueues nothing', async () => {
    const res = await fetch(`${pipeline.apiUrl}/sources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${site.url}/` }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as SourceView;

    const polled = await eventually('the first poll', async () => {
      const s = await getSource(id);
      return s.lastPoll ? s : null;
    });
    expect(polled.kind).toBe('site');
    expect(polled.endpoints).toEqual([at('/feed.xml'), at('/news-sitemap.xml')]);
    expect(polled.lastPoll).toMatchObject({ status: 'ok', error: null, documents: 3, found: 3, enqueued: 3 });

    // Each article's state, to say where one is stuck if it never arrives.
    const states = async () =>
      Promise.all(
        ARTICLES.map(
          async (i) =>
            (await (await fetch(`${pipeline.apiUrl}/articles/${resolveUrlInput(at(`/news/${i}`)).id}`)).json()) as {
              state: string;
              reason: string | null;
            },
        ),
      );
    const done = await eventually(
      'the three articles indexed',
      async () => {
        const r = await indexed();
        if (r.total >= ARTICLES.length) return r;
        return null;
      },
      150_000,
      500,
    ).catch(async (err: Error) => {
      throw new Error(`${err.message}; states: ${JSON.stringify((await states()).map((a) => `${a.state} ${a.reason ?? ''}`))}`);
    });
    expect(done.total).toBe(ARTICLES.length);
    const urls = done.results.map((d) => d.url).sort();
    expect(urls).toEqual(ARTICLES.map((i) => at(`/news/${i}`)).sort());
    expect(done.results.every((d) => /weighs .* after vote number \d/.test(d.title))).toBe(true);
    // Each document names the source that found it (the keyword Kibana splits documents per
    // source by), and the search filters on it, by id or by URL.
    for (const d of done.results) expect(d.source, d.url).toEqual({ id, url: polled.url });
    for (const source of [id, encodeURIComponent(at('/'))]) {
      const bySource = (await (await fetch(`${pipeline.apiUrl}/search?all=true&source=${source}`)).json()) as { total: number };
      expect(bySource.total, source).toBe(ARTICLES.length);
    }
    const otherSource = (await (await fetch(`${pipeline.apiUrl}/search?all=true&source=${'0'.repeat(32)}`)).json()) as { total: number };
    expect(otherSource.total).toBe(0);
    // Listed twice (feed and sitemap), fetched once.
    for (const i of ARTICLES) expect(site.hits(`/news/${i}`), `/news/${i}`).toBe(1);

    const again = await fetch(`${pipeline.apiUrl}/sources/${id}/poll`, { method: 'POST' });
    expect(again.status).toBe(202);
    const second = await eventually('the second poll', async () => {
      const s = await getSource(id);
      return s.lastPoll && s.lastPoll.at !== polled.lastPoll!.at ? s : null;
    });
    expect(second.lastPoll).toMatchObject({ status: 'unchanged', enqueued: 0 });
    expect(second.enqueuedTotal).toBe(3);
    expect((await indexed()).total).toBe(ARTICLES.length);
    for (const i of ARTICLES) expect(site.hits(`/news/${i}`)).toBe(1);

    // The polls in the metrics: their jobs, how they went, what they enqueued, and the queue.
    const metrics = await (await fetch(`${pipeline.apiUrl}/metrics`)).text();
    expect(metrics).toMatch(/^newsflow_jobs_completed_total\{stage="discover"\} 2$/m);
    expect(metrics).toMatch(/^newsflow_source_polls_total\{status="ok"\} 1$/m);
    expect(metrics).toMatch(/^newsflow_source_polls_total\{status="unchanged"\} 1$/m);
    expect(metrics).toMatch(/^newsflow_discover_urls_enqueued_total 3$/m);
    expect(metrics).toMatch(/^newsflow_queue_jobs\{queue="discover",state="active"\} 0$/m);

    // `newsflow search --source` takes the source's URL as `sources add` does.
    const env = {
      REDIS_URL: pipeline.config.redis.url,
      QUEUE_PREFIX: pipeline.config.redis.prefix,
      SEARCH_URL: pipeline.config.search.url,
      SEARCH_FLAVOR: TEST_SEARCH_FLAVOR,
      SEARCH_INDEX: pipeline.config.search.alias,
    };
    const cli = await runCli(['search', '--source', `${site.url}/`, '--all', '--json'], env);
    expect(cli.code, cli.stderr).toBe(0);
    const found = JSON.parse(cli.stdout) as { total: number; results: { source: string | null }[] };
    expect(found.total).toBe(ARTICLES.length);
    expect(found.results.map((r) => r.source)).toEqual(ARTICLES.map(() => polled.url));
  }, 180_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { startTestPipeline, type TestPipeline } from '../support/pipeline';
import { eventually } from '../support/services';

const TOKEN = 'test-admin-token-0123456789';

interface Trace {
  state: string;
  queuedAt: string | null;
  stages: { stage: string; attempt: number | null; start: string | null; end: string | null; outcome: string; ms: number | null }[];
}

/** Metrics, Bull Board and the per-article trace on a real pipeline (real Redis, real engine). */
describe('operations: /metrics, /admin/queues, /articles/:id/trace', () => {
  let site: FixtureServer;
  let pipeline: TestPipeline;
  let id: string;
  let noArticleId: string;

  const api = (path: string, init?: RequestInit) => fetch(`${pipeline.apiUrl}${path}`, { redirect: 'manual', ...init });
  const enqueue = async (url: string) => {
    const res = await api('/articles', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ url }),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: string }).id;
  };
  const settled = (articleId: string) =>
    eventually(`article ${articleId} to finish`, async () => {
      const t = (await (await api(`/articles/${articleId}/trace`)).json()) as Trace;
      return t.state === 'done' || t.state === 'failed' ? t : null;
    });

  beforeAll(async () => {
    site = await startFixtureServer({
      '/news/story': { body: fixture('pages/news-jsonld.html') },
      '/about-us/': { body: fixture('pages/not-article.html') },
      // A short link to the story: another URL, the same article.
      '/s/pier': { status: 302, headers: { location: '/news/story' }, body: '' },
    });
    pipeline = await startTestPipeline(['api', 'fetch', 'extract', 'enrich', 'index'], {
      FETCH_ALLOW_PRIVATE_NETWORKS: 'true',
      API_TOKEN: TOKEN,
    });
    id = await enqueue(`${site.url}/news/story`);
    noArticleId = await enqueue(`${site.url}/about-us/`);
    await Promise.all([settled(id), settled(noArticleId)]);
  });

  afterAll(async () => {
    await pipeline?.stop();
    await site?.close();
  });

  it('traces each of the four stages with start, end, attempt and outcome', async () => {
    const trace = await settled(id);
    expect(trace.state).toBe('done');
    expect(trace.queuedAt).toMatch(/^\d{4}-/);
    expect(trace.stages.map((s) => `${s.stage}:${s.outcome}`)).toEqual([
      'fetch:completed',
      'extract:completed',
      'enrich:completed',
      'index:completed',
    ]);
    for (const s of trace.stages) {
      expect(s.attempt).toBe(1);
      expect(Date.parse(s.end!)).toBeGreaterThanOrEqual(Date.parse(s.start!));
      expect(s.ms).toBeGreaterThanOrEqual(0);
    }
    // The flat quotation lines Kibana's tables read, one per quotation.
    const article = (await (await api(`/articles/${id}`)).json()) as { document: { quotes: unknown[]; quoteLines: string[] } };
    expect(article.document.quotes.length).toBeGreaterThan(0);
    expect(article.document.quoteLines).toHaveLength(article.document.quotes.length);
    for (const line of article.document.quoteLines) expect(line).toMatch(/^.+: “.+”$/s);
    const failed = await settled(noArticleId);
    expect(failed.stages.at(-1)).toMatchObject({ stage: 'extract', outcome: 'failed', attempt: 1 });
  });

  it('keeps a done article’s live status only briefly, and then reads its trace from the document', async () => {
    const redis = pipeline.process.infra.connection;
    const prefix = pipeline.config.redis.prefix;
    const doneTtl = await redis.ttl(`${prefix}:trace:${id}`);
    expect(doneTtl).toBeGreaterThan(0);
    expect(doneTtl).toBeLessThanOrEqual(pipeline.config.store.doneStatusTtlSeconds);
    // A failed article has no document: its record keeps the long TTL.
    expect(await redis.ttl(`${prefix}:trace:${noArticleId}`)).toBeGreaterThan(pipeline.config.store.doneStatusTtlSeconds);

    // As when the live record has expired (a minute later: the engine has refreshed by then).
    await redis.del(`${prefix}:status:${id}`, `${prefix}:trace:${id}`);
    await pipeline.process.articles.refresh();
    const trace = (await (await api(`/articles/${id}/trace`)).json()) as Trace;
    expect(trace.state).toBe('done');
    expect(trace.queuedAt).toMatch(/^\d{4}-/);
    expect(trace.stages.map((s) => `${s.stage}:${s.outcome}:${s.attempt}`)).toEqual([
      'fetch:completed:1',
      'extract:completed:1',
      'enrich:completed:1',
      'index:completed:1',
    ]);
    const article = (await (await api(`/articles/${id}`)).json()) as { state: string; trace: unknown[] };
    expect(article.state).toBe('done');
    expect(article.trace.length).toBeGreaterThanOrEqual(8);
  });

  it('answers 404 for an unknown article and 400 for a malformed id', async () => {
    expect((await api(`/articles/${'0'.repeat(32)}/trace`)).status).toBe(404);
    expect((await api('/articles/nope/trace')).status).toBe(400);
  });

  it('counts completed jobs per stage, fetch statuses, extraction failures, and shows queue depths', async () => {
    const res = await api('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const body = await res.text();
    expect(body).toMatch(/^newsflow_jobs_completed_total\{stage="fetch"\} 2$/m);
    expect(body).toMatch(/^newsflow_jobs_completed_total\{stage="extract"\} 1$/m);
    expect(body).toMatch(/^newsflow_jobs_completed_total\{stage="enrich"\} 1$/m);
    expect(body).toMatch(/^newsflow_jobs_completed_total\{stage="index"\} 1$/m);
    expect(body).toMatch(/^newsflow_jobs_failed_total\{stage="extract",code="no-article",final="true"\} 1$/m);
    expect(body).toMatch(/^newsflow_extraction_failures_total\{reason="no-article"\} 1$/m);
    expect(body).toMatch(/^newsflow_fetch_responses_total\{status="200"\} 2$/m);
    expect(body).toMatch(/^newsflow_stage_duration_seconds_count\{stage="index",outcome="completed"\} 1$/m);
    for (const q of ['fetch', 'extract', 'enrich', 'index', 'discover']) {
      expect(body).toMatch(new RegExp(`^newsflow_queue_jobs\\{queue="${q}",state="waiting"\\} 0$`, 'm'));
    }
    expect(body).toMatch(/^newsflow_queue_jobs\{queue="index",state="completed"\} 1$/m);
  });

  it('serves Bull Board only with the admin token: Bearer, or ?token= once then a cookie', async () => {
    expect((await api('/admin/queues')).status).toBe(401);
    expect((await api('/admin/queues/api/queues')).status).toBe(401);
    expect((await api('/admin/queues?token=wrong-token-wrong-token')).status).toBe(401);

    const withBearer = await api('/admin/queues/api/queues', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(withBearer.status).toBe(200);
    const board = (await withBearer.json()) as { queues: { name: string }[] };
    expect(board.queues.map((q) => q.name).sort()).toEqual(['discover', 'enrich', 'extract', 'fetch', 'index']);

    const login = await api(`/admin/queues?token=${TOKEN}`);
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/admin/queues');
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).not.toContain(TOKEN);
    const page = await api('/admin/queues', { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
  });

  // Last: it adds jobs that the counts above do not expect.
  it('files one article reached by two URLs as one document, which either URL finds', async () => {
    type Article = { state: string; document: { id: string; urlIds: string[]; title: string } | null };
    const shortId = await enqueue(`${site.url}/s/pier`);
    expect(shortId).not.toBe(id);
    expect((await settled(shortId)).state).toBe('done');
    // At once, through the document id the index stage recorded in the live status.
    const viaShort = (await (await api(`/articles/${shortId}`)).json()) as Article;
    expect(viaShort.document?.urlIds).toEqual(expect.arrayContaining([id, shortId]));
    await pipeline.process.articles.refresh();
    const viaStory = (await (await api(`/articles/${id}`)).json()) as Article;
    expect(viaStory.document?.id).toBe(viaShort.document?.id);
    // The story is the only article this pipeline indexed, under two URLs: one document.
    expect((await pipeline.process.articles.search({})).total).toBe(1);
  });
});

import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdFor, enrichJob, normalizeArticleUrl, type ArticleDocument, type TraceEvent } from '@newsflow/contracts';
import type { Enrichment } from '@newsflow/nlp';
import {
  closeQueueSet,
  createBlobStore,
  createInFlightMarker,
  createQueueSet,
  createRedisConnection,
  createStatusStore,
  type QueueSet,
  type RedisClient,
} from '@newsflow/runtime';
import { createArticleIndex, type ArticleIndex, type SearchFlavor } from '@newsflow/search';
import type { StoredArticle } from '@newsflow/contracts';
import { buildArticleDocument } from '@newsflow/service-index';
import {
  reprocessEnrich,
  type ReprocessEnrichOptions,
  type ReprocessEnrichPorts,
  type ReprocessProgress,
} from '../../packages/cli/src/reprocess/enrich.reprocessor';
import { createReprocessCursor, type ReprocessFilter } from '../../packages/cli/src/reprocess/reprocess.cursor';
import { storedArticleFromDocument } from '../../packages/cli/src/reprocess/stored-article.from-document';
import { eventually, TEST_REDIS_URL, uniqueName, wipeRedisPrefix } from '../support/services';
import { openTestEngine } from '../support/test-engine';

const crawled = (url: string, over: Partial<StoredArticle> = {}): StoredArticle => ({
  url,
  finalUrl: url,
  fetchedAt: '2024-04-26T08:00:00.000Z',
  title: `Story at ${url}`,
  byline: 'By Jane Roe',
  authors: ['Jane Roe'],
  publishedAt: '2024-04-25T22:00:00.000Z',
  modifiedAt: null,
  siteName: 'Example News',
  lang: 'en',
  canonicalUrl: url,
  image: null,
  section: 'World',
  keywords: ['talks'],
  access: 'free',
  excerpt: 'Talks went on.',
  text: '“We will not back down,” Prime Minister Anthony Albanese said in Canberra on Monday.',
  html: '<p>“We will not back down,” Prime Minister Anthony Albanese said in Canberra on Monday.</p>',
  wordCount: 14,
  sources: {},
  ...over,
});

/** What the old enrichment found: a person taken for a place, and no quotation. */
const STALE: Enrichment = {
  entities: [{ name: 'Albanese', type: 'LOCATION', mentions: [{ text: 'Albanese', start: 40, end: 48 }] }],
  quotes: [],
};

const TRACE: TraceEvent[] = [
  { stage: 'fetch', event: 'queued', at: '2024-04-26T07:59:59.000Z' },
  { stage: 'fetch', event: 'started', at: '2024-04-26T08:00:00.000Z', attempt: 1 },
  { stage: 'fetch', event: 'completed', at: '2024-04-26T08:00:01.000Z', attempt: 1, detail: '200' },
  { stage: 'index', event: 'started', at: '2024-04-26T08:00:02.000Z', attempt: 1 },
];

function indexedDoc(url: string): ArticleDocument {
  const jobId = articleIdFor(normalizeArticleUrl(url));
  return buildArticleDocument(jobId, crawled(url), STALE, TRACE, new Date('2024-04-26T08:00:03.000Z'));
}

describe.each<SearchFlavor>(['opensearch', 'elasticsearch'])('newsflow reprocess enrich, on %s', (flavor) => {
  const prefix = uniqueName('q');
  let redis: RedisClient;
  let queues: QueueSet;
  let articles: ArticleIndex;
  let closeEngine: () => Promise<void> = async () => undefined;
  let ports: (filter: ReprocessFilter) => ReprocessEnrichPorts;
  const a1 = indexedDoc('https://www.news.example.com/world/talks');
  const a2 = indexedDoc('https://news.example.com/world/harbour');
  const other = indexedDoc('https://other.example.org/world/talks');
  const matching = [a1, a2];
  const run = (opts: ReprocessEnrichOptions = {}) => {
    const filter = { site: 'news.example.com' };
    return reprocessEnrich(ports(filter), { ...filter, pageSize: 1, ...opts });
  };
  const enrichJobs = async () =>
    (await queues.enrich.getJobs(['waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed'])).map((j) => j.id).sort();

  beforeAll(async () => {
    redis = createRedisConnection(TEST_REDIS_URL, 'client', 'newsflow-test');
    queues = createQueueSet(redis, prefix);
    const opened = await openTestEngine(flavor);
    closeEngine = opened.close;
    articles = createArticleIndex(opened.engine, uniqueName('idx'));
    await articles.ensure();
    const written = await articles.write([a1, a2, other], { refresh: true });
    expect(written.map((r) => r.error)).toEqual([null, null, null]);
    const blobs = createBlobStore(redis, prefix, 3600);
    const inflight = createInFlightMarker(redis, prefix);
    const status = createStatusStore(redis, prefix, 3600, 60);
    ports = (filter) => ({
      engine: opened.engine,
      alias: articles.alias,
      queues,
      blobs,
      inflight,
      status,
      cursor: createReprocessCursor(redis, prefix, 'enrich', filter),
    });
  });
  afterAll(async () => {
    if (queues) await closeQueueSet(queues);
    await redis?.quit();
    await articles?.drop();
    await closeEngine();
    await wipeRedisPrefix(prefix);
  });

  it('puts back each matching article and enqueues its enrich job, with the pipeline’s options, and nothing else', async () => {
    const summary = await run();
    expect(summary).toMatchObject({ total: 2, done: 2, queued: 2, inFlight: 0, skipped: 0, resumedAfter: null, interrupted: false });

    const blobs = createBlobStore(redis, prefix, 3600);
    for (const doc of matching) {
      const made = storedArticleFromDocument(doc);
      expect(made.ok).toBe(true);
      expect(await blobs.get('article', doc.id)).toEqual(made.ok ? made.article : null);
      const job = await queues.enrich.getJob(doc.id);
      expect(job?.data).toEqual({ v: 1, id: doc.id, url: doc.url });
      expect(job?.opts).toMatchObject({ attempts: enrichJob.options.attempts, backoff: enrichJob.options.backoff });
      expect(await job?.getState()).toBe('waiting');
    }
    expect(await blobs.get('article', other.id)).toBeNull();
    expect(await enrichJobs()).toEqual(matching.map((d) => d.id).sort());
    expect(await queues.fetch.count()).toBe(0);
  });

  it('keeps each article’s trace (from the document, its live status having expired), and adds the reprocessing', async () => {
    const status = createStatusStore(redis, prefix, 3600, 60);
    const live = await status.get(a1.id);
    expect(live).toMatchObject({ state: 'queued', stage: 'enrich', url: a1.url });
    expect(live!.trace.slice(0, TRACE.length)).toEqual(TRACE);
    expect(live!.trace.slice(TRACE.length).map((e) => `${e.stage}:${e.event}:${e.detail ?? ''}`)).toEqual([
      'index:completed:indexed',
      'enrich:queued:reprocess enrich',
    ]);
  });

  it('continues after the last article done on a rerun, so it enqueues nothing again', async () => {
    const before = await queues.enrich.getJob(a1.id);
    const summary = await run();
    expect(summary).toMatchObject({ total: 2, done: 2, queued: 0, inFlight: 0 });
    expect(summary.resumedAfter).toBe([a1.id, a2.id].sort().at(-1));
    expect(await enrichJobs()).toEqual(matching.map((d) => d.id).sort());
    expect((await queues.enrich.getJob(a1.id))?.timestamp).toBe(before?.timestamp);
  });

  it('with --restart goes over them again: left alone while still queued, enqueued again once the pipeline is done with them', async () => {
    expect(await run({ restart: true })).toMatchObject({ queued: 0, inFlight: 2, resumedAfter: null });
    expect(await queues.enrich.getWaitingCount()).toBe(2);

    // The pipeline finishing them, as far as the queue and the in-flight marker go.
    const inflight = createInFlightMarker(redis, prefix);
    const connection = createRedisConnection(TEST_REDIS_URL, 'worker', 'newsflow-test-worker');
    const worker = new Worker('enrich', async (job) => inflight.release((job.data as { id: string }).id), { connection, prefix });
    try {
      await eventually('both enrich jobs to complete', async () => (await queues.enrich.getCompletedCount()) === 2);
    } finally {
      await worker.close();
      await connection.quit();
    }

    expect(await run({ restart: true })).toMatchObject({ total: 2, queued: 2, inFlight: 0, resumedAfter: null });
    expect(await queues.enrich.getWaitingCount()).toBe(2);
    expect(await enrichJobs()).toEqual(matching.map((d) => d.id).sort());
  });

  it('waits while the enrich queue holds more than the limit, and stops there when asked, its place kept', async () => {
    const stop = new AbortController();
    const seen: ReprocessProgress[] = [];
    const summary = await reprocessEnrich(ports({}), {
      maxWaiting: 1,
      pollMs: 20,
      signal: stop.signal,
      onProgress: (p) => {
        seen.push(p);
        if (seen.length === 3) stop.abort();
      },
    });
    expect(seen.every((p) => p.waiting?.backlog === 2 && p.waiting.workers === 0)).toBe(true);
    expect(summary).toMatchObject({ total: 3, done: 0, queued: 0, interrupted: true });
    expect(await createBlobStore(redis, prefix, 3600).get('article', other.id)).toBeNull();
    expect(await createReprocessCursor(redis, prefix, 'enrich', {}).get()).toBeNull();
  });
});

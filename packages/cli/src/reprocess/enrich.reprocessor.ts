import { setTimeout as sleep } from 'node:timers/promises';
import { articleRefSchema, documentIdFor, statusFromDocument, type ArticleDocument } from '@newsflow/contracts';
import { addStageJob, isInFlight, type BlobStore, type InFlightMarker, type QueueSet, type StatusStore } from '@newsflow/runtime';
import type { Json } from '@newsflow/search';
import { countDocuments, scanDocuments, type ScanEngine } from './document.scan';
import type { ReprocessCursor, ReprocessFilter } from './reprocess.cursor';
import { storedArticleFromDocument } from './stored-article.from-document';

export interface ReprocessEnrichPorts {
  engine: ScanEngine;
  alias: string;
  queues: QueueSet;
  blobs: Pick<BlobStore, 'put'>;
  inflight: InFlightMarker;
  status: StatusStore;
  cursor: ReprocessCursor;
}

export interface ReprocessEnrichOptions extends ReprocessFilter {
  /** Start from the first document, forgetting where an earlier run got to. */
  restart?: boolean;
  /** Wait while the enrich queue holds more than this many jobs not yet picked up (default 500). */
  maxWaiting?: number;
  pageSize?: number;
  /** Documents handled at once within a page. */
  concurrency?: number;
  pollMs?: number;
  onProgress?: (p: ReprocessProgress) => void;
  onSkip?: (id: string, reason: string) => void;
  /** Stops after the page under way; the cursor keeps the place. */
  signal?: AbortSignal;
}

export interface ReprocessProgress {
  /** Matching documents, and how many are done (by earlier runs too). */
  total: number;
  done: number;
  /** This run: put back with an enrich job; already in the pipeline (left to it); not reprocessable. */
  queued: number;
  inFlight: number;
  skipped: number;
  /** Documents per second in this run. */
  rate: number;
  /** Set while waiting for the enrich queue to drain: its backlog, and whether any worker consumes it. */
  waiting: { backlog: number; workers: number } | null;
}

export interface ReprocessSummary extends ReprocessProgress {
  resumedAfter: string | null;
  interrupted: boolean;
}

/** A marker this old that no job backs is a leftover (as `enqueueArticle` judges it). */
const STALE_MARKER_MS = 60_000;

/**
 * Runs enrichment again on indexed articles, from their stored text: each matching document
 * becomes the stored article extract would have left (blob store, under the document's id) and
 * an enrich job with the pipeline's own options; the running enrich and index services do the
 * rest, so the document is rewritten as a fresh crawl would write it, with the new entities and
 * quotations. Nothing is fetched. Resumable (the last id done is kept per filter) and bounded
 * (it waits while the enrich queue's backlog is over `maxWaiting`).
 */
export async function reprocessEnrich(ports: ReprocessEnrichPorts, opts: ReprocessEnrichOptions = {}): Promise<ReprocessSummary> {
  const { engine, alias, cursor } = ports;
  const filter: ReprocessFilter = { ...(opts.since ? { since: opts.since } : {}), ...(opts.site ? { site: opts.site } : {}) };
  const maxWaiting = opts.maxWaiting ?? 500;
  const pageSize = opts.pageSize ?? 100;
  const pollMs = opts.pollMs ?? 1000;

  if (opts.restart) await cursor.clear();
  const resumedAfter = await cursor.get();
  const total = await countDocuments(engine, alias, filter);
  const before = resumedAfter ? await countDocuments(engine, alias, filter, resumedAfter) : 0;
  const started = performance.now();
  const counts = { queued: 0, inFlight: 0, skipped: 0 };
  const progress = (waiting: ReprocessProgress['waiting'] = null): ReprocessProgress => {
    const doneHere = counts.queued + counts.inFlight + counts.skipped;
    const seconds = (performance.now() - started) / 1000;
    return { total, done: before + doneHere, ...counts, rate: seconds > 0 ? doneHere / seconds : 0, waiting };
  };

  const aborted = () => opts.signal?.aborted === true;
  for await (const page of scanDocuments(engine, alias, filter, resumedAfter, pageSize)) {
    if (aborted()) break;
    await waitForBacklog(ports.queues, maxWaiting, pollMs, opts, progress);
    if (aborted()) break;
    await forEachLimited(page, opts.concurrency ?? 16, async (source) => {
      const outcome = await requeue(ports, source);
      if (outcome === 'queued') {
        counts.queued++;
      } else if (outcome === 'in-flight') {
        counts.inFlight++;
      } else {
        counts.skipped++;
        opts.onSkip?.(String(source.id), outcome.skipped);
      }
    });
    // Only once the whole page is done: a run stopped mid-page redoes it, and the ids it had
    // already queued come back as in flight instead of twice.
    await cursor.set(String(page.at(-1)!.id));
    opts.onProgress?.(progress());
  }
  return { ...progress(), resumedAfter, interrupted: aborted() };
}

type RequeueOutcome = 'queued' | 'in-flight' | { skipped: string };

async function requeue(ports: ReprocessEnrichPorts, source: Json): Promise<RequeueOutcome> {
  const doc = source as Partial<ArticleDocument>;
  const made = storedArticleFromDocument(doc);
  if (!made.ok) return { skipped: made.reason };
  const { article } = made;
  const id = doc.id!;
  // Job ids (and blob keys) are URL hashes; a document under any other id was not written by the pipeline.
  if (!articleRefSchema.shape.id.safeParse(id).success) return { skipped: 'its id is not a URL hash (32 hex characters)' };
  // The index stage files the result under documentIdFor(…): if that is not this document
  // (URL rules changed since it was written), it would write a second copy, not replace it.
  const rebuiltId = documentIdFor(id, article.finalUrl, article.canonicalUrl);
  if (rebuiltId !== id) {
    return { skipped: `it would be re-indexed as ${rebuiltId} (URL normalisation changed): enqueue its URL again instead` };
  }

  const { inflight, queues, blobs, status } = ports;
  // Like any enqueue: an article already in the pipeline is left to it.
  if (!(await inflight.claim(id))) {
    const age = await inflight.ageMs(id);
    if (age === null || age < STALE_MARKER_MS || (await isInFlight(queues, id))) return 'in-flight';
  }
  try {
    await blobs.put('article', id, article);
    await keepTrace(status, doc as ArticleDocument);
    const at = new Date().toISOString();
    await status.update(id, {
      url: article.url,
      state: 'queued',
      stage: 'enrich',
      event: { stage: 'enrich', event: 'queued', at, detail: 'reprocess enrich' },
    });
    return (await addStageJob(queues, 'enrich', { v: 1, id, url: article.url })) === 'added' ? 'queued' : 'in-flight';
  } catch (err) {
    await inflight.release(id).catch(() => undefined);
    throw err;
  }
}

/**
 * The index stage writes the live trace into the document. Once an article's live status has
 * expired its trace is only in the document, so it is put back first: the rewritten document
 * keeps its history, with the reprocessing added after it.
 */
async function keepTrace(status: StatusStore, doc: ArticleDocument): Promise<void> {
  if ((await status.get(doc.id)) !== null || !doc.trace?.length || typeof doc.indexedAt !== 'string') return;
  const { trace } = statusFromDocument(doc);
  // One connection sends commands in the order they are issued, so the events keep theirs.
  await Promise.all(trace.map((event) => status.update(doc.id, { url: doc.url, state: 'done', stage: 'index', event })));
}

async function waitForBacklog(
  queues: QueueSet,
  maxWaiting: number,
  pollMs: number,
  opts: Pick<ReprocessEnrichOptions, 'onProgress' | 'signal'>,
  progress: (waiting: ReprocessProgress['waiting']) => ReprocessProgress,
): Promise<void> {
  for (;;) {
    if (opts.signal?.aborted) return;
    const c = await queues.enrich.getJobCounts('waiting', 'prioritized', 'delayed');
    const backlog = Object.values(c).reduce((a, b) => a + b, 0);
    if (backlog <= maxWaiting) return;
    opts.onProgress?.(progress({ backlog, workers: await queues.enrich.getWorkersCount() }));
    await sleep(pollMs, undefined, opts.signal ? { signal: opts.signal } : {}).catch(() => undefined);
  }
}

async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++] as T);
  });
  await Promise.all(lanes);
}

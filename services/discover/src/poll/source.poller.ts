import { resolveUrlInput, type PollResult, type PollStatus, type Source, type SourceKind } from '@newsflow/contracts';
import { isFetchFailure } from '@newsflow/fetcher';
import type { Logger } from '@newsflow/runtime';
import { checkLink, type FoundUrl } from '../formats/found';
import { whyAddressIsNoHomePage, whyNotAHomePage } from '../formats/home.page';
import type { DocumentMemo, DocumentNote } from '../memory/document.memo';
import type { Listed, SeenSet } from '../memory/seen.set';
import { DocumentProblem } from '../read/document.problem';
import { readDocument, type DocumentFormat, type DocumentLimits } from '../read/document.reader';
import type { PoliteGet } from '../read/polite.getter';
import { createCandidatePool, type Candidate } from './candidate.pool';
import { createPollProblems } from './poll.problems';

export interface PollLimits extends DocumentLimits {
  maxNewPerPoll: number;
  maxDocuments: number;
  /** Distinct URLs counted per poll at most (the seen-set's size: more could not be remembered anyway). */
  maxCounted: number;
}

export interface PollerDeps {
  get: PoliteGet;
  /** The sitemaps a site's robots.txt lists. */
  robotsSitemaps(url: string): Promise<string[]>;
  seen: SeenSet;
  memo: DocumentMemo;
  /** The shared enqueue (API, CLI): `queued`, or `in-flight` when the URL is in the pipeline already. */
  enqueue(url: string): Promise<'queued' | 'in-flight'>;
  limits: PollLimits;
  logger: Logger;
}

export interface PollOutcome {
  result: PollResult;
  learnt: { kind?: SourceKind; endpoints?: string[] };
}

/** What a document is expected to be: its format is learnt on a source's first poll. */
type Expect = 'any' | 'listing' | 'site';
interface Link {
  url: string;
  changedAt: number | null;
}
interface Doc {
  url: string;
  expect: Expect;
  /** Sitemap index nesting: the source's own document is 0. */
  depth: number;
}

/** A sitemap index inside an index inside an index is as deep as sites go; deeper is a mistake or a trap. */
export const MAX_SITEMAP_DEPTH = 3;
const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1';
const CLASSIFY_BATCH = 500;
const ENQUEUE_LANES = 8;

const KIND_OF: Record<DocumentFormat, SourceKind> = {
  rss: 'feed',
  rdf: 'feed',
  atom: 'feed',
  json: 'feed',
  urlset: 'sitemap',
  sitemapindex: 'sitemap',
  html: 'site',
};

/**
 * One poll of one source: reads its feed, its sitemap (walking a sitemap index, nested to
 * MAX_SITEMAP_DEPTH, each document once, at most DISCOVER_MAX_DOCUMENTS), or its site (the feeds
 * the home page announces and the sitemaps robots.txt lists), each with a conditional GET; then
 * enqueues the URLs never seen from this source, or whose date moved, newest first, at most
 * DISCOVER_MAX_NEW_PER_POLL. A document that cannot be read is a problem in the result, never
 * an exception: the rest of the source is read all the same.
 */
export async function pollSource(deps: PollerDeps, source: Source): Promise<PollOutcome> {
  const started = Date.now();
  const { limits } = deps;
  const problems = createPollProblems();
  const pool = createCandidatePool(limits.maxNewPerPoll);
  const previous = await deps.memo.load();
  const notes = new Map<string, DocumentNote>();
  const counted = new Set<string>();
  let fresh = 0;
  let pending: (Listed & { found: FoundUrl })[] = [];
  let documents = 0;
  let unchanged = 0;
  let readOk = 0;
  const learnt: PollOutcome['learnt'] = {};
  const waiter = `discover:${source.id}`;

  const flush = async () => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const verdicts = await deps.seen.classify(batch);
    batch.forEach((l, i) => {
      if (verdicts[i] === 'seen') return;
      fresh++;
      pool.offer(l.id, l.found);
    });
  };
  const offer = async (found: FoundUrl) => {
    const input = resolveUrlInput(found.url);
    if (!input.ok) return;
    if (!counted.has(input.id)) {
      if (counted.size < limits.maxCounted) counted.add(input.id);
      pending.push({ id: input.id, changedAt: found.changedAt, found });
    }
    if (pending.length >= CLASSIFY_BATCH) await flush();
  };

  const queue: Doc[] = [{ url: source.url, expect: source.kind === null ? 'any' : source.kind === 'site' ? 'site' : 'listing', depth: 0 }];
  // Documents by normalised URL: two spellings of one sitemap are one document.
  const keyOf = (url: string) => resolveUrlInput(url).id;
  const queued = new Set<string>([keyOf(source.url)]);
  const enqueueDoc = (doc: Doc) => {
    if (queued.has(keyOf(doc.url))) return false;
    queued.add(keyOf(doc.url));
    queue.push(doc);
    return true;
  };

  /** Walks on from a document: an index's sitemaps, a site's feeds and sitemaps. */
  const walkOn = (doc: Doc, format: DocumentFormat, next: Link[]) => {
    if (format === 'sitemapindex') {
      if (doc.depth + 1 > MAX_SITEMAP_DEPTH) {
        if (next.length > 0) {
          problems.add(
            doc.url,
            `is a sitemap index nested more than ${MAX_SITEMAP_DEPTH} deep: its ${next.length} sitemap(s) were not read`,
          );
        }
        return;
      }
      for (const child of next) {
        if (keyOf(child.url) === keyOf(doc.url)) {
          problems.add(doc.url, 'is a sitemap index that lists itself (a loop): that entry was skipped');
        } else if (!enqueueDoc({ url: child.url, expect: 'listing', depth: doc.depth + 1 })) {
          problems.add(doc.url, `lists ${child.url}, which this poll reads already (listed twice, or a loop): skipped`);
        }
      }
    } else if (format === 'html') {
      for (const e of next) enqueueDoc({ url: e.url, expect: 'listing', depth: 1 });
    }
  };

  async function readOne(doc: Doc): Promise<void> {
    const note = previous.get(doc.url);
    const got = await deps.get(doc.url, { accept: ACCEPT, maxBytes: limits.maxBytes, conditional: note ?? undefined }, waiter);
    try {
      const { resource } = got;
      if (resource.notModified && note) {
        // A page taken for a site before pages were checked (a feed's address serving HTML):
        // a 304 leaves only its address to check.
        const refusal = note.format === 'html' ? whyAddressIsNoHomePage(doc.url) : null;
        if (refusal !== null) throw new DocumentProblem('html', refusal);
        unchanged++;
        notes.set(doc.url, note);
        walkOn(doc, note.format, note.next ?? []);
        return;
      }
      let format: DocumentFormat | null = null;
      const listed: Link[] = [];
      let failure: unknown = null;
      try {
        const events = readDocument(
          { url: resource.finalUrl, contentType: resource.contentType, charset: resource.charset, body: resource.body },
          limits,
        );
        for await (const e of events) {
          switch (e.type) {
            case 'format':
              if (e.format === 'html' && doc.expect === 'listing') {
                throw new DocumentProblem('html', 'is an HTML page where a feed or sitemap was expected');
              }
              format = e.format;
              // A page is a site only once it is known it can be one (below).
              if (doc.expect === 'any' && format !== 'html') learnt.kind = KIND_OF[format];
              break;
            case 'url':
              await offer(e.found);
              break;
            case 'sitemap':
              listed.push({ url: e.url, changedAt: e.changedAt });
              break;
            case 'feed':
              listed.push({ url: e.url, changedAt: null });
              break;
            case 'skipped':
              problems.skipped(doc.url, e.link, e.why);
              break;
          }
        }
      } catch (err) {
        failure = err;
      }
      if (format === 'html') {
        // Followed as a site (its feeds, its host's robots.txt sitemaps) only when it can be one.
        const refusal = whyNotAHomePage({
          url: doc.url,
          finalUrl: resource.finalUrl,
          contentType: resource.contentType,
          feeds: listed.length,
        });
        if (refusal !== null) throw failure ?? new DocumentProblem('html', refusal);
        if (doc.expect === 'any') learnt.kind = 'site';
      }
      if (format !== null) {
        // Walked on even after a problem: a broken index still gave the sitemaps before it.
        let onward: Link[] = [];
        try {
          onward = await onwardFrom(doc, format, listed);
        } catch (err) {
          failure ??= err;
        }
        walkOn(doc, format, onward);
        if (failure === null) {
          readOk++;
          notes.set(doc.url, {
            etag: resource.etag,
            lastModified: resource.lastModified,
            format,
            ...(onward.length > 0 ? { next: onward } : {}),
          });
        }
      }
      if (failure !== null) throw failure;
    } finally {
      await got.done();
    }
  }

  /** An index's sitemaps newest first (the cap on documents keeps the recent ones); a site's feeds, then its robots.txt sitemaps. */
  async function onwardFrom(doc: Doc, format: DocumentFormat, listed: Link[]): Promise<Link[]> {
    if (format === 'sitemapindex') return [...listed].sort((a, b) => (b.changedAt ?? -Infinity) - (a.changedAt ?? -Infinity));
    if (format !== 'html') return [];
    const all = [...listed];
    try {
      for (const raw of await deps.robotsSitemaps(doc.url)) {
        const link = checkLink(raw, doc.url);
        if (!link.ok) problems.skipped(`${new URL(doc.url).origin}/robots.txt`, raw, link.why);
        else if (!all.some((e) => e.url === link.url)) all.push({ url: link.url, changedAt: null });
      }
    } catch (err) {
      if (!isFetchFailure(err)) throw err;
      problems.add(doc.url, `its robots.txt could not be read for sitemaps (${err.message})`);
    }
    learnt.endpoints = all.map((e) => e.url);
    if (all.length === 0) {
      throw new DocumentProblem(
        'no-endpoints',
        'announces no feed (<link rel="alternate">) and its robots.txt lists no sitemap: nothing to follow',
      );
    }
    return all;
  }

  while (queue.length > 0) {
    if (documents >= limits.maxDocuments) {
      problems.add(
        source.url,
        `has more documents than one poll reads (DISCOVER_MAX_DOCUMENTS=${limits.maxDocuments}): ${queue.length} left for later polls`,
      );
      break;
    }
    const doc = queue.shift() as Doc;
    documents++;
    try {
      await readOne(doc);
    } catch (err) {
      if (!(err instanceof DocumentProblem)) throw err;
      problems.add(doc.url, err.message);
      deps.logger.debug({ document: doc.url, code: err.code }, 'document problem');
    }
  }
  await flush();

  const chosen = pool.take();
  const enqueued = await enqueueAll(deps, chosen);
  const capped = fresh > chosen.length;
  // Validators let the next poll skip unchanged documents; after a capped poll, the listings
  // must be read again in full for the URLs left over.
  await deps.memo.save(capped ? new Map([...notes].filter(([, n]) => n.format === 'sitemapindex' || n.format === 'html')) : notes);

  // Failed: nothing could be used at all. Partial: something went wrong, but documents were
  // read or URLs found (a sitemap broken half-way still gave its first half).
  const usedSomething = readOk + unchanged > 0 || counted.size > 0;
  const status: PollStatus = !usedSomething ? 'failed' : problems.count() > 0 ? 'partial' : unchanged === documents ? 'unchanged' : 'ok';
  return {
    result: {
      at: new Date(started).toISOString(),
      ms: Date.now() - started,
      status,
      error: problems.text(),
      documents,
      found: counted.size,
      fresh,
      enqueued,
    },
    learnt,
  };
}

/** Enqueues the chosen URLs a few at a time, and remembers those that made it (queued, or in the pipeline already). */
async function enqueueAll(deps: Pick<PollerDeps, 'enqueue' | 'seen'>, chosen: Candidate[]): Promise<number> {
  let next = 0;
  let queued = 0;
  const done: Candidate[] = [];
  const lane = async () => {
    while (next < chosen.length) {
      const c = chosen[next++] as Candidate;
      if ((await deps.enqueue(c.url)) === 'queued') queued++;
      done.push(c);
    }
  };
  const lanes = await Promise.allSettled(Array.from({ length: Math.min(ENQUEUE_LANES, chosen.length) }, lane));
  // Remembered even when Redis failed part-way: what was enqueued must not be enqueued again.
  await deps.seen.remember(done);
  const failed = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
  if (failed) throw failed.reason;
  return queued;
}

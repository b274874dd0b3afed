import { DelayedError } from 'bullmq';
import { isQueueName, nextStage, resolveUrlInput, type TraceEvent } from '@newsflow/contracts';
import { PermanentError, type BlobStore, type StageHandler, type StageOutcome, type StatusStore } from '@newsflow/runtime';
import {
  FetchFailure,
  isFetchFailure,
  type ConditionalRequest,
  type HostLimiter,
  type PageFetcher,
  type RobotsPolicy,
} from '@newsflow/fetcher';
import type { ValidatorStore, Validators } from './politeness/validator.store';
import type { BlobInput } from '@newsflow/contracts';

export interface FetchHandlerDeps {
  fetcher: Pick<PageFetcher, 'fetchPage'>;
  blobs: Pick<BlobStore, 'put'>;
  /** robots.txt; every URL is allowed without it. */
  robots?: Pick<RobotsPolicy, 'check' | 'peek'>;
  /** Per-host concurrency and rate; unlimited without it. */
  limiter?: HostLimiter;
  /** Conditional GET: validators are kept and sent only when this and `status` are given. */
  validators?: ValidatorStore;
  status?: Pick<StatusStore, 'get'>;
}

/**
 * Fetches the page and stores its HTML under the article id; failures keep the fetcher's reason.
 * Politely: robots.txt (cached per site), a slot for the host (or the job is put aside until the
 * host has one, without using an attempt), then a conditional GET when the article was seen before.
 * An unchanged page (304) ends the article's pipeline here: `{ unchanged: true }`.
 */
export function createFetchHandler({ fetcher, blobs, robots, limiter, validators, status }: FetchHandlerDeps): StageHandler<'fetch'> {
  return async (payload, ctx): Promise<StageOutcome> => {
    const input = resolveUrlInput(payload.url);
    if (!input.ok) throw new PermanentError(input.error, 'invalid-url');
    const host = new URL(input.url).host;
    // Each redirect target is held to its own site's robots.txt (cached, or read now).
    const followable = async (hop: string): Promise<void> => {
      const hopVerdict = await robots?.check(hop);
      if (hopVerdict && !hopVerdict.allowed) {
        throw new FetchFailure('robots-disallowed', `${input.url} redirects to a page that robots.txt disallows: ${hopVerdict.reason}`);
      }
    };
    const postpone = async (ms: number): Promise<never> => {
      await ctx.job.moveToDelayed(Date.now() + ms, ctx.token);
      throw new DelayedError();
    };
    try {
      // A cached robots.txt answers without a request, so a disallowed URL never waits for the
      // host; a robots.txt still to be read is read below, inside the host's slot, since it is
      // a request to the host like any other.
      let verdict = robots ? await robots.peek(input.url) : null;
      if (verdict && !verdict.allowed) throw new PermanentError(verdict.reason, 'robots-disallowed');

      // (read before taking the host's slot: it asks Redis, not the host)
      const { stored: storedValidators, conditional } = await conditionalFor(payload.id);
      const slot = limiter ? await limiter.acquire(host, ctx.job.id ?? payload.id, verdict?.crawlDelayMs) : null;
      // The host is busy: set the job aside (no attempt used) and let this worker serve other
      // hosts meanwhile.
      if (slot && !slot.granted) await postpone(slot.waitMs);
      let held = slot?.granted ? slot : null;
      const freeSlot = async (): Promise<void> => {
        const s = held;
        held = null;
        if (s) await s.release();
      };
      try {
        if (robots && verdict === null) {
          verdict = await robots.check(input.url);
          if (!verdict.allowed) throw new PermanentError(verdict.reason, 'robots-disallowed');
          if (limiter && verdict.crawlDelayMs !== null) {
            // The slot was granted before the crawl-delay was known, and reading robots.txt
            // was this host's request: start the spacing from it and come back in line.
            await limiter.pushBack(host, verdict.crawlDelayMs);
            await postpone(verdict.crawlDelayMs);
          }
        }
        const page = await fetcher.fetchPage(input.url, conditional ?? {}, { beforeRedirect: robots ? followable : undefined });
        // The host's part is over: storing the page is ours, and must neither hold the host's slot
        // nor count in the request time that spaces its next requests.
        await freeSlot();
        if (page.notModified) {
          if (!conditional) {
            throw new PermanentError(`${page.finalUrl} answered 304 Not Modified to a request that was not conditional`, 'http-304');
          }
          return { status: 304, unchanged: true };
        }
        // The page goes to the store as the UTF-8 bytes it came in, never decoded here.
        const stored: BlobInput<'page'> = {
          url: input.url,
          finalUrl: page.finalUrl,
          status: page.status,
          contentType: page.contentType,
          charset: page.charset,
          html: page.utf8,
          etag: page.etag,
          lastModified: page.lastModified,
          fetchedAt: new Date().toISOString(),
        };
        await blobs.put('page', payload.id, stored);
        // (nothing to write when the page has no validators and none were stored: most pages)
        if (validators && status && (page.etag || page.lastModified || storedValidators)) {
          await validators.put(payload.id, { etag: page.etag, lastModified: page.lastModified });
        }
        return { status: page.status, bytes: page.utf8.length, redirects: page.redirects.length };
      } finally {
        await freeSlot();
      }
    } catch (err) {
      if (isFetchFailure(err)) {
        // A server that says "later" holds back every worker's next request to it.
        if (limiter && err.retryAfterMs !== undefined) await limiter.pushBack(host, err.retryAfterMs).catch(() => undefined);
        if (err.permanent) throw new PermanentError(err.message, err.code);
      }
      throw err;
    }
  };

  /**
   * Validators are only worth sending when the article's previous run went all the way
   * through: after a run that failed in extract or later, a 304 would leave no document.
   */
  async function conditionalFor(id: string): Promise<{ stored: Validators | null; conditional: ConditionalRequest | null }> {
    if (!validators || !status) return { stored: null, conditional: null };
    // The status (a hash and the trace) is read only when there are validators to send: an
    // article fetched for the first time, the usual case, costs one Redis command, not three.
    const stored = await validators.get(id);
    if (stored === null) return { stored, conditional: null };
    const current = await status.get(id);
    if (current === null || !previousRunEndedDone(current.trace)) return { stored, conditional: null };
    return { stored, conditional: stored };
  }
}

/** Reads the trace back past this run's own events (queued, started, retrying, postponed) to how the previous run ended. */
export function previousRunEndedDone(trace: readonly TraceEvent[]): boolean {
  for (let i = trace.length - 1; i >= 0; i--) {
    const e = trace[i];
    if (e === undefined || e.event === 'queued' || e.event === 'started' || e.event === 'retrying' || e.event === 'postponed') continue;
    if (e.event === 'failed') return false;
    if (!isQueueName(e.stage)) return false;
    return nextStage(e.stage) === null || (e.detail ?? '').startsWith('unchanged');
  }
  return false;
}

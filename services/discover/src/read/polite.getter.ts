import {
  isFetchFailure,
  type ConditionalRequest,
  type FetchedResource,
  type HostLimiter,
  type HostSlot,
  type PageFetcher,
  type RobotsPolicy,
} from '@newsflow/fetcher';
import { DocumentProblem } from './document.problem';

export interface PoliteGetterDeps {
  fetcher: Pick<PageFetcher, 'fetchResource'>;
  robots: Pick<RobotsPolicy, 'check' | 'peek'>;
  limiter: HostLimiter;
  /** Deadline of one document, body included; also the longest wait for its host. */
  timeoutMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface GetRequest {
  accept: string;
  maxBytes: number;
  conditional?: ConditionalRequest;
}

/** A document whose body is still to be read; `done()` gives the host's slot back once it is. */
export interface GotDocument {
  resource: FetchedResource;
  done(): Promise<void>;
}

export type PoliteGet = (url: string, request: GetRequest, waiter: string) => Promise<GotDocument>;

/**
 * Fetches feeds and sitemaps the way the fetch stage fetches pages: robots.txt first (cached
 * per site, shared with fetch), then a slot in the host's limits shared by every worker (a poll
 * waits for its turn rather than setting the job aside: it has the rest of its source to read
 * in order), then the SSRF-safe fetcher, each redirect held to robots.txt too. Every failure is
 * a DocumentProblem for the source's last error.
 */
export function createPoliteGetter(deps: PoliteGetterDeps): PoliteGet {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  async function slotFor(
    host: string,
    waiter: string,
    crawlDelayMs: number | null,
    deadline: number,
  ): Promise<HostSlot & { granted: true }> {
    for (;;) {
      const slot = await deps.limiter.acquire(host, waiter, crawlDelayMs ?? undefined);
      if (slot.granted) return slot;
      if (Date.now() + slot.waitMs > deadline) {
        throw new DocumentProblem(
          'host-busy',
          `could not be fetched: ${host} stayed busy (per-host limits) for longer than ${deps.timeoutMs} ms`,
        );
      }
      await sleep(slot.waitMs);
    }
  }

  const allowed = async (url: string): Promise<void> => {
    const verdict = await deps.robots.check(url);
    if (!verdict.allowed) throw new DocumentProblem('robots', verdict.reason);
  };

  return async (url, request, waiter) => {
    const host = new URL(url).host;
    const deadline = Date.now() + deps.timeoutMs;
    try {
      let verdict = await deps.robots.peek(url);
      if (verdict === null) {
        // Reading robots.txt is a request to the host like any other: inside a slot.
        const slot = await slotFor(host, waiter, null, deadline);
        try {
          verdict = await deps.robots.check(url);
        } finally {
          await slot.release();
        }
      }
      if (!verdict.allowed) throw new DocumentProblem('robots', verdict.reason);
      const slot = await slotFor(host, waiter, verdict.crawlDelayMs, deadline);
      try {
        const resource = await deps.fetcher.fetchResource(url, {
          ...request,
          timeoutMs: Math.max(1000, deadline - Date.now()),
          hooks: { beforeRedirect: allowed },
        });
        return { resource, done: () => slot.release() };
      } catch (err) {
        await slot.release();
        // A server that says "later" holds back every worker's next request to it.
        if (isFetchFailure(err) && err.retryAfterMs !== undefined) {
          await deps.limiter.pushBack(host, err.retryAfterMs).catch(() => undefined);
        }
        throw err;
      }
    } catch (err) {
      if (err instanceof DocumentProblem) throw err;
      if (isFetchFailure(err)) throw new DocumentProblem(err.code.startsWith('robots') ? 'robots' : 'fetch', err.message);
      throw err;
    }
  };
}

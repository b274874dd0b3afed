import type { FoundUrl } from '../formats/found';

export interface Candidate {
  id: string;
  url: string;
  changedAt: number | null;
}

/**
 * The URLs of one poll worth enqueueing, of which only the `max` newest are kept (by their
 * date, undated ones last, then in the order found): memory stays bounded by `max`, however
 * many URLs a sitemap lists, and the rest come in the next polls.
 */
export interface CandidatePool {
  offer(id: string, found: FoundUrl): void;
  /** The newest `max`, newest first. */
  take(): Candidate[];
}

type Kept = Candidate & { order: number };

const later = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));
const newestFirst = (a: Kept, b: Kept) => (b.changedAt ?? -Infinity) - (a.changedAt ?? -Infinity) || a.order - b.order;

export function createCandidatePool(max: number): CandidatePool {
  let kept = new Map<string, Kept>();
  let order = 0;
  const trim = () => {
    kept = new Map(
      [...kept.values()]
        .sort(newestFirst)
        .slice(0, max)
        .map((c) => [c.id, c]),
    );
  };
  return {
    offer(id, found) {
      const had = kept.get(id);
      // The same URL from a feed and a sitemap: one candidate, with the later date.
      if (had) had.changedAt = later(had.changedAt, found.changedAt);
      else kept.set(id, { id, url: found.url, changedAt: found.changedAt, order: order++ });
      // Trimmed once per `max` new URLs, not on every offer.
      if (kept.size >= 2 * max) trim();
    },
    take() {
      trim();
      return [...kept.values()].map(({ id, url, changedAt }) => ({ id, url, changedAt }));
    },
  };
}

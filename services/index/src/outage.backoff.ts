/**
 * How long to put work off while the search engine is away or throttling: doubles with each
 * consecutive trouble, up to a ceiling, with jitter so that many jobs do not return at once;
 * back to nothing after a success. Shared by all jobs of one process.
 */
export interface Backoff {
  /** Records trouble; returns how long to wait now. */
  trouble(): number;
  ok(): void;
  /** The current pause (0 when all is well). */
  current(): number;
}

export function createBackoff(opts: { firstMs: number; maxMs: number; random?: () => number }): Backoff {
  const random = opts.random ?? Math.random;
  let level = 0;
  const base = () => (level === 0 ? 0 : Math.min(opts.firstMs * 2 ** (level - 1), opts.maxMs));
  return {
    trouble() {
      level = Math.min(level + 1, 30);
      return Math.round(base() * (0.75 + random() * 0.5));
    },
    ok() {
      level = 0;
    },
    current: base,
  };
}

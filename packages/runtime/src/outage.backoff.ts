/**
 * How long to put work off while a dependency (the search engine, the NLP server) is away or
 * throttling: doubles with each consecutive trouble, up to a ceiling, with jitter so that many
 * jobs do not return at once; back to nothing after a success. Shared by all jobs of one process.
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

/**
 * One "paused until" for a process's jobs that call a dependency directly (no write gate in
 * between): the pause grows once per trouble met after it is over, not once per job that meets
 * it, so jobs failing together count as one trouble; a success ends it.
 */
export interface OutagePause {
  /** Records trouble; returns how much longer work is paused. */
  trouble(): number;
  ok(): void;
  /** How much longer work is paused (0 when it is not). */
  remainingMs(): number;
}

export function createOutagePause(backoff: Backoff, now: () => number = Date.now): OutagePause {
  let pausedUntil = 0;
  const remainingMs = () => Math.max(0, pausedUntil - now());
  return {
    trouble() {
      if (remainingMs() === 0) pausedUntil = now() + backoff.trouble();
      return remainingMs();
    },
    ok() {
      backoff.ok();
      pausedUntil = 0;
    },
    remainingMs,
  };
}

import type { Backoff } from '@newsflow/runtime';

/**
 * Paces bulk writes for the whole process. One bulk is in flight at a time; while the engine
 * throttles (429) or is away, every bulk waits until one shared "paused until" time, re-checked
 * on waking, so the write rate itself drops instead of the same burst arriving later. The
 * pause grows once per troubled bulk (not per refused document) and ends with a clean one.
 */
export interface WriteGate {
  /** Runs one bulk when its turn comes; `troubled` says whether its answer asks us to slow down. */
  run<T>(write: () => Promise<T>, troubled: (result: T) => boolean): Promise<T>;
  /** How much longer writes are paused (0 when they are not). */
  remainingMs(): number;
}

export function createWriteGate(backoff: Backoff, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))): WriteGate {
  let pausedUntil = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const record = (trouble: boolean) => {
    if (trouble) {
      pausedUntil = Date.now() + backoff.trouble();
    } else {
      backoff.ok();
      pausedUntil = 0;
    }
  };
  return {
    run(write, troubled) {
      const turn = queue.then(async () => {
        for (let wait = pausedUntil - Date.now(); wait > 0; wait = pausedUntil - Date.now()) await sleep(wait);
        try {
          const result = await write();
          record(troubled(result));
          return result;
        } catch (err) {
          record(true);
          throw err;
        }
      });
      queue = turn.catch(() => undefined);
      return turn;
    },
    remainingMs: () => Math.max(0, pausedUntil - Date.now()),
  };
}

/**
 * Gathers items from concurrent jobs into one bulk call: flushed when `maxSize` items wait or
 * `maxWaitMs` after the first one arrived. Each caller gets its own item's result, so every job
 * succeeds or fails on its own document.
 */
export interface Batcher<T, R> {
  add(item: T): Promise<R>;
  /** Flushes what waits and stops accepting items. */
  close(): Promise<void>;
}

interface Pending<T, R> {
  item: T;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

export function createBatcher<T, R>(opts: {
  maxSize: number;
  maxWaitMs: number;
  /** Must return one result per item, in order. */
  flush: (items: T[]) => Promise<R[]>;
}): Batcher<T, R> {
  let pending: Pending<T, R>[] = [];
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const inFlight = new Set<Promise<void>>();

  const flushNow = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const run = opts
      .flush(batch.map((p) => p.item))
      .then(
        (results) => {
          batch.forEach((p, i) => {
            if (i < results.length) p.resolve(results[i] as R);
            else p.reject(new Error('bulk flush returned fewer results than items'));
          });
        },
        (err: unknown) => batch.forEach((p) => p.reject(err)),
      )
      .finally(() => inFlight.delete(run));
    inFlight.add(run);
  };

  return {
    add(item) {
      if (closed) return Promise.reject(new Error('batcher is closed'));
      return new Promise<R>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        if (pending.length >= opts.maxSize) flushNow();
        else timer ??= setTimeout(flushNow, opts.maxWaitMs);
      });
    },
    async close() {
      closed = true;
      flushNow();
      await Promise.allSettled([...inFlight]);
    },
  };
}

import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { Piscina } from 'piscina';
import type { ExtractionTask, ExtractionTaskResult } from './extraction.task';

export interface ExtractionPool {
  run(task: ExtractionTask): Promise<ExtractionTaskResult>;
  close(): Promise<void>;
}

export class ExtractionLimitError extends Error {
  override readonly name = 'ExtractionLimitError';
  constructor(
    message: string,
    readonly code: 'extraction-timeout' | 'extraction-memory',
  ) {
    super(message);
  }
}

/**
 * Compiled (dist/), a thread loads the task module itself. From the sources (tests, tsx), it
 * starts at extraction.thread.mjs, which registers tsx first: threads do not inherit the
 * parent's loader.
 */
const THREAD_ENTRY = import.meta.url.endsWith('.js')
  ? { filename: fileURLToPath(new URL('./extraction.task.js', import.meta.url)), name: 'runExtraction' }
  : { filename: fileURLToPath(new URL('./extraction.thread.mjs', import.meta.url)) };

/**
 * Extraction runs in worker threads with a heap cap and a deadline, so a page that makes the
 * parser spin or eat memory is killed from outside (its thread is terminated) and fails with a
 * reason, while the worker process, its Redis locks and its other jobs live on.
 */
export function createExtractionPool(opts: {
  threads: number;
  timeoutMs: number;
  maxMemoryMb: number;
  recycleAfter?: number;
  /**
   * Threads whose heap (what V8 holds, used or not) is above this after a page are replaced
   * (default: three quarters of `maxMemoryMb`; on the dev set's pages it ranges 110-260 MB).
   */
  recycleAtHeapMb?: number;
}): ExtractionPool {
  const recycleAtHeapMb = opts.recycleAtHeapMb ?? Math.floor((opts.maxMemoryMb * 3) / 4);
  const makePool = () =>
    new Piscina<ExtractionTask, ExtractionTaskResult>({
      ...THREAD_ENTRY,
      minThreads: 1,
      maxThreads: opts.threads,
      idleTimeout: 60_000,
      // Tasks reach a thread as message events, not through piscina's default Atomics.wait loop:
      // that loop never lets the thread's job end, so V8 keeps every WeakRef target made in the
      // thread alive (jsdom's node iterators, which DOMPurify creates for each page, hold their
      // whole document): the heap grew about 25 MB every 83 pages without bound. Flat since.
      atomics: 'disabled',
      resourceLimits: { maxOldGenerationSizeMb: opts.maxMemoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.ceil(opts.maxMemoryMb / 8)) },
    });
  interface Generation {
    threads: Piscina<ExtractionTask, ExtractionTaskResult>;
    pending: number;
    retired: boolean;
  }
  const fresh = (): Generation => ({ threads: makePool(), pending: 0, retired: false });
  let current = fresh();
  let tasks = 0;
  // One page a thread at a time, waiting here rather than in piscina's queue: a page's deadline
  // (`timeoutMs`) starts when its extraction does, not while the page before it runs.
  const slots = pLimit(opts.threads);
  // A safety net, not the way memory stays flat: a fresh set of threads once a thread's heap
  // passes `recycleAtHeapMb` (a page that needed a lot, a parser cache), or every `recycleAfter`
  // pages. Rarely: a new thread costs about 3.5 s of CPU before it is up to speed (loading, then
  // the JIT warming up over its first pages; 87 ms a page over the dev set's 83 pages cold, 45
  // warm), 7 ms a page when replaced every 500 pages. A retired set closes once the pages it was
  // given are done.
  const closeIfIdle = (g: Generation) => {
    if (g.retired && g.pending === 0) void g.threads.close().catch(() => undefined);
  };
  const retire = (g: Generation) => {
    if (g.retired) return;
    tasks = 0;
    g.retired = true;
    current = fresh();
  };
  return {
    run: (task) => slots(() => runNow(task)),
    async close() {
      await current.threads.close({ force: true });
    },
  };

  async function runNow(task: ExtractionTask): Promise<ExtractionTaskResult> {
    const g = current;
    if (opts.recycleAfter !== undefined && ++tasks >= opts.recycleAfter) retire(g);
    g.pending++;
    try {
      const result = await g.threads.run(task, {
        signal: AbortSignal.timeout(opts.timeoutMs),
        transferList: movable(task.html) as never,
      });
      if (result.heapMb !== undefined && result.heapMb > recycleAtHeapMb) retire(g);
      return result;
    } catch (err) {
      const e = err as { name?: string; code?: string; message?: string };
      if (e.name === 'AbortError' || e.name === 'TimeoutError') {
        throw new ExtractionLimitError(`extraction took longer than ${opts.timeoutMs / 1000} s and was stopped`, 'extraction-timeout');
      }
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(e.message ?? '')) {
        throw new ExtractionLimitError(`extraction needed more than ${opts.maxMemoryMb} MB of memory and was stopped`, 'extraction-memory');
      }
      throw err;
    } finally {
      g.pending--;
      closeIfIdle(g);
    }
  }
}

/**
 * Bytes that own their whole buffer are moved to the thread; anything else is copied as usual.
 * (Piscina types the list after MessagePort.postMessage's overloads, which no array satisfies.)
 */
function movable(html: string | Uint8Array): ArrayBuffer[] | undefined {
  if (typeof html === 'string' || !(html.buffer instanceof ArrayBuffer)) return undefined;
  return html.byteOffset === 0 && html.byteLength === html.buffer.byteLength ? [html.buffer] : undefined;
}

import { fileURLToPath } from 'node:url';
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
 * Extraction runs in worker threads with a heap cap and a deadline, so a page that makes the
 * parser spin or eat memory is killed from outside (its thread is terminated) and fails with a
 * reason, while the worker process, its Redis locks and its other jobs live on.
 */
export function createExtractionPool(opts: { threads: number; timeoutMs: number; maxMemoryMb: number }): ExtractionPool {
  const pool = new Piscina<ExtractionTask, ExtractionTaskResult>({
    filename: fileURLToPath(new URL('./extraction.thread.mjs', import.meta.url)),
    minThreads: 1,
    maxThreads: opts.threads,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: opts.maxMemoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.ceil(opts.maxMemoryMb / 8)) },
  });
  return {
    async run(task) {
      try {
        return await pool.run(task, { signal: AbortSignal.timeout(opts.timeoutMs) });
      } catch (err) {
        const e = err as { name?: string; code?: string; message?: string };
        if (e.name === 'AbortError' || e.name === 'TimeoutError') {
          throw new ExtractionLimitError(`extraction took longer than ${opts.timeoutMs / 1000} s and was stopped`, 'extraction-timeout');
        }
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(e.message ?? '')) {
          throw new ExtractionLimitError(`extraction needed more than ${opts.maxMemoryMb} MB of memory and was stopped`, 'extraction-memory');
        }
        throw err;
      }
    },
    async close() {
      await pool.close({ force: true });
    },
  };
}

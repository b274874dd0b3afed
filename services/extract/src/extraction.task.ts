import { getHeapStatistics } from 'node:v8';
import { readRawText } from '@newsflow/contracts';
import { ExtractionError, extractArticle, type DomChoice, type ExtractedArticle } from '@newsflow/extraction';

export interface ExtractionTask {
  /** The page, as text or as UTF-8 bytes (moved to the thread, not copied, and decoded there). */
  html: string | Uint8Array;
  url: string;
  dom: DomChoice;
  /** Collect garbage before reading the heap, where the process exposes `gc` (leak checks). */
  settleHeap?: boolean;
}

/**
 * Crosses the thread boundary as plain data: class identity does not survive structured clone.
 * `heapMb`: the thread's heap after the page, for the pool to replace a thread that has grown.
 * `heapUsedMb`: what of it holds objects; after `settleHeap`, only what the page left behind
 * (otherwise garbage not yet collected, which comes and goes with the collector's rhythm).
 */
export type ExtractionTaskResult = ({ ok: true; article: ExtractedArticle } | { ok: false; code: string; message: string }) & {
  heapMb?: number;
  heapUsedMb?: number;
};

/** Runs inside the extraction thread. */
export function runExtraction(task: ExtractionTask): ExtractionTaskResult {
  const heap = () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (task.settleHeap && gc) gc();
    const h = getHeapStatistics();
    return { heapMb: Math.round(h.total_heap_size / 1048576), heapUsedMb: Math.round(h.used_heap_size / 1048576) };
  };
  try {
    const html = typeof task.html === 'string' ? task.html : readRawText(task.html);
    return { ok: true, article: extractArticle(html, { url: task.url, dom: task.dom }), ...heap() };
  } catch (err) {
    if (err instanceof ExtractionError) return { ok: false, code: err.code, message: err.message, ...heap() };
    throw err;
  }
}

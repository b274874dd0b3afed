import { getHeapStatistics } from 'node:v8';
import { ExtractionError, extractArticle, type DomChoice, type ExtractedArticle } from '@newsflow/extraction';

export interface ExtractionTask {
  html: string;
  url: string;
  dom: DomChoice;
}

/**
 * Crosses the thread boundary as plain data: class identity does not survive structured clone.
 * `heapMb`: the thread's heap after the page, for the pool to replace a thread that has grown.
 */
export type ExtractionTaskResult = ({ ok: true; article: ExtractedArticle } | { ok: false; code: string; message: string }) & {
  heapMb?: number;
};

/** Runs inside the extraction thread. */
export function runExtraction(task: ExtractionTask): ExtractionTaskResult {
  const heapMb = () => Math.round(getHeapStatistics().total_heap_size / 1048576);
  try {
    return { ok: true, article: extractArticle(task.html, { url: task.url, dom: task.dom }), heapMb: heapMb() };
  } catch (err) {
    if (err instanceof ExtractionError) return { ok: false, code: err.code, message: err.message, heapMb: heapMb() };
    throw err;
  }
}

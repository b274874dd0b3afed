import { ExtractionError, extractArticle, type DomChoice, type ExtractedArticle } from '@newsflow/extraction';

export interface ExtractionTask {
  html: string;
  url: string;
  dom: DomChoice;
}

/** Crosses the thread boundary as plain data: class identity does not survive structured clone. */
export type ExtractionTaskResult = { ok: true; article: ExtractedArticle } | { ok: false; code: string; message: string };

/** Runs inside the extraction thread. */
export function runExtraction(task: ExtractionTask): ExtractionTaskResult {
  try {
    return { ok: true, article: extractArticle(task.html, { url: task.url, dom: task.dom }) };
  } catch (err) {
    if (err instanceof ExtractionError) return { ok: false, code: err.code, message: err.message };
    throw err;
  }
}

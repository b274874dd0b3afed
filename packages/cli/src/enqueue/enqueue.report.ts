import type { EnqueueResult } from '@newsflow/runtime';
import type { UrlLine } from './url.lines';

export interface EnqueueCounts {
  queued: number;
  inFlight: number;
  invalid: number;
  /** Lines not enqueued because no job could carry them (see url-line.screen.ts). */
  refused: number;
  /** Lines whose enqueueing failed for another reason. */
  failed: number;
}

export const noCounts = (): EnqueueCounts => ({ queued: 0, inFlight: 0, invalid: 0, refused: 0, failed: 0 });

const PREVIEW = 60;

/**
 * A line that was not enqueued, for stderr: where it is, what happened, why, and how it starts
 * (JSON-quoted, so a hostile line cannot put control characters on the user's terminal).
 */
export function problemLine(l: UrlLine, what: 'refused' | 'failed', reason: string): string {
  const start = l.text.length > PREVIEW ? `${l.text.slice(0, PREVIEW)}…` : l.text;
  return `${l.where}: ${what}: ${reason} (${JSON.stringify(start)})`;
}

/** The same for `--json` on stdout, beside the enqueued URLs' objects. */
export function problemRecord(l: UrlLine, what: 'refused' | 'failed', reason: string): string {
  return JSON.stringify({ where: l.where, line: l.line, outcome: what, error: reason });
}

/**
 * An enqueued URL, for stdout: its id, URL and what became of it, tab-separated. An invalid
 * line is printed as given, so its control characters (tabs too) are escaped as \uXXXX.
 */
export function resultLine(r: EnqueueResult, json: boolean): string {
  if (json) return JSON.stringify(r);
  const state = r.invalid ? `will fail: ${r.invalid}` : r.outcome === 'in-flight' ? 'already in progress' : 'queued';
  return [r.id, r.url, state].map(escapeControls).join('\t');
}

// C0 and C1 controls: escape sequences, bells, carriage returns must not reach a terminal.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function escapeControls(s: string): string {
  return s.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function summaryLine(c: EnqueueCounts): string {
  return (
    `enqueued ${c.queued} URL(s), ${c.inFlight} already in progress, ${c.invalid} invalid (queued to fail with a reason), ` +
    `${c.refused} refused (not enqueued)${c.failed > 0 ? `, ${c.failed} failed` : ''}`
  );
}

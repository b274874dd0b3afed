import type { ReprocessProgress, ReprocessSummary } from './enrich.reprocessor';

export interface ProgressLine {
  update(p: ReprocessProgress): void;
  /** Ends the updating line (on a terminal) so what follows starts on its own. */
  end(): void;
}

const number = new Intl.NumberFormat('en');

export function describeProgress(p: ReprocessProgress): string {
  const pct = p.total > 0 ? ` (${Math.floor((100 * p.done) / p.total)}%)` : '';
  const waiting = p.waiting
    ? ` · waiting: ${number.format(p.waiting.backlog)} enrich jobs queued${p.waiting.workers === 0 ? ', and no enrich worker is running' : ''}`
    : '';
  return (
    `reprocess enrich: ${number.format(p.done)}/${number.format(p.total)}${pct} · ${p.rate.toFixed(1)}/s · ` +
    `queued ${number.format(p.queued)}, already in the pipeline ${number.format(p.inFlight)}, skipped ${number.format(p.skipped)}${waiting}`
  );
}

/**
 * Progress on stderr: on a terminal, one line rewritten in place; otherwise (a log file, CI) a
 * line every `everyMs` at most, so a long run leaves a readable record rather than a flood.
 */
export function createProgressLine(stream: NodeJS.WriteStream, everyMs = 5000): ProgressLine {
  const tty = stream.isTTY === true;
  let last = 0;
  let open = false;
  return {
    update(p) {
      if (tty) {
        // Cut to the terminal's width: a wrapped line cannot be rewritten in place.
        const text = describeProgress(p);
        stream.write(`\r${stream.columns ? text.slice(0, stream.columns - 1) : text}\x1b[K`);
        open = true;
        return;
      }
      const now = Date.now();
      if (now - last < everyMs) return;
      last = now;
      stream.write(`${describeProgress(p)}\n`);
    },
    end() {
      if (open) stream.write('\n');
      open = false;
    },
  };
}

export function describeSummary(s: ReprocessSummary, seconds: number): string {
  if (s.total === 0) return 'reprocess enrich: no indexed article matches';
  const lines = [
    `reprocess enrich: ${number.format(s.queued)} article(s) queued for enrichment, ${number.format(s.inFlight)} already in the pipeline (left to it), ` +
      `${number.format(s.skipped)} skipped; ${number.format(s.done)}/${number.format(s.total)} done in ${seconds.toFixed(1)} s`,
  ];
  if (s.resumedAfter) {
    lines.push(`  continued after ${s.resumedAfter}, where an earlier run stopped (--restart to go over every article again)`);
  }
  if (s.interrupted) lines.push('  stopped: run the same command again to continue');
  else if (s.queued > 0) lines.push('  the enrich and index services rewrite the documents as they work through the queue');
  return lines.join('\n');
}

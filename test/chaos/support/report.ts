import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, type RunFigures } from './chaos-run';
import { STAGE_NAMES } from '../../support/stage-process';

export interface ScenarioReport {
  scenario: string;
  title: string;
  /** What was asked and what was seen, one row each (printed as a table). */
  checks: { what: string; expected: string; actual: string; ok: boolean }[];
  figures?: RunFigures;
  /** Anything else measured (timings, series). */
  extra?: Record<string, unknown>;
  finishedAt?: string;
}

const REPORT = join(ARTIFACTS, 'report.json');

/** Prints the scenario's table and merges it into test-artifacts/chaos/report.json. */
export function writeReport(r: ScenarioReport): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  const all: Record<string, ScenarioReport> = existsSync(REPORT)
    ? (JSON.parse(readFileSync(REPORT, 'utf8')) as Record<string, ScenarioReport>)
    : {};
  all[r.scenario] = { ...r, finishedAt: new Date().toISOString() };
  writeFileSync(REPORT, `${JSON.stringify(all, null, 2)}\n`);
  process.stdout.write(`\n${formatReport(r)}\n`);
}

export function formatReport(r: ScenarioReport): string {
  const rows = r.checks.map((c) => [c.ok ? 'ok' : 'FAIL', c.what, c.expected, c.actual]);
  const head = ['', 'check', 'expected', 'actual'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  const out = [`== chaos ${r.scenario}: ${r.title}`, line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)];
  const f = r.figures;
  if (f) {
    out.push(
      'per queue: ' +
        STAGE_NAMES.map((s) => {
          const q = f.queues[s];
          const rem = Object.entries(q.remaining)
            .filter(([, n]) => n > 0)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ');
          return `${s} failed ${q.failed}${rem ? ` (${rem})` : ''}, stalled events ${f.stalledEvents[s]}, starts ${f.starts[s]}`;
        }).join('; '),
    );
    for (const s of STAGE_NAMES) {
      for (const [reason, n] of Object.entries(f.queues[s].failedReasons)) out.push(`  failed in ${s} ×${n}: ${reason}`);
    }
  }
  if (r.extra) for (const [k, v] of Object.entries(r.extra)) out.push(`${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return out.join('\n');
}

/** A check row; `ok` computed by the caller from the same values it asserts on. */
export function check(what: string, expected: string | number, actual: string | number, ok: boolean) {
  return { what, expected: String(expected), actual: String(actual), ok };
}

/** The standard "nothing lost, nothing duplicated" rows every scenario asserts. */
export function standardChecks(f: RunFigures, expectedDocs: number, expectedFailed = 0) {
  return [
    check('documents in the index', expectedDocs, f.index.documents, f.index.documents === expectedDocs),
    check('distinct URLs in the index', expectedDocs, f.index.distinctUrls, f.index.distinctUrls === expectedDocs),
    check('URLs with 2+ documents', 0, f.index.duplicateUrls, f.index.duplicateUrls === 0),
    check('failed jobs', expectedFailed, f.failed, f.failed === expectedFailed),
    check('jobs left active/waiting/delayed', 0, f.remaining, f.remaining === 0),
  ];
}

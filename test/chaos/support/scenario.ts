import { startArticleSite, type ArticleSite } from './article-site';
import { assertChecks, chaosRedisFor } from './chaos-env';
import { createChaosRun, type ChaosRun, type ChaosRunOptions, type RunFigures } from './chaos-run';
import { stillActive, type KillRecord } from './kills';
import { check, standardChecks, writeReport, type ScenarioReport } from './report';

export interface Scenario {
  name: string;
  redis: Awaited<ReturnType<typeof chaosRedisFor>>;
  site: ArticleSite;
  run: ChaosRun;
  close(): Promise<void>;
}

/** A scenario's own Redis, article site and pipeline processes (started). */
export async function setUpScenario(name: string, opts: Omit<ChaosRunOptions, 'scenario' | 'redisUrl'>): Promise<Scenario> {
  const redis = await chaosRedisFor(name);
  const site = await startArticleSite();
  const run = await createChaosRun({ scenario: name, redisUrl: redis.url, ...opts });
  await run.startAll();
  return {
    name,
    redis,
    site,
    run,
    async close() {
      await run.close().catch((e: unknown) => process.stderr.write(`chaos ${name}: close: ${String(e)}\n`));
      await site.close();
      await redis.cleanup();
    },
  };
}

/** The jobs the kills orphaned that are still active `afterMs` after the last restart. */
export async function orphansAfterLastRestart(run: ChaosRun, kills: KillRecord[], t0: number, afterMs = 30_000): Promise<string[]> {
  const last = t0 + Math.max(0, ...kills.map((k) => k.restartedAt ?? 0));
  await new Promise((r) => setTimeout(r, Math.max(0, last + afterMs - Date.now())));
  return stillActive(run, kills);
}

export function killFigures(kills: KillRecord[]) {
  return kills.map((k) => ({
    stage: k.stage,
    signal: k.signal,
    atMs: k.at,
    exitMs: k.exitMs,
    orphans: k.orphans.length,
    orphansRecoveredMs: k.orphansRecoveredMs,
    restartedAtMs: k.restartedAt,
  }));
}

/**
 * Waits for the pipeline to drain, counts everything, prints and stores the report, then asserts
 * every check: the standard ones (N documents, no duplicates, no failures, nothing left) plus the
 * scenario's own.
 */
export async function finishScenario(
  s: Scenario,
  o: {
    title: string;
    t0: number;
    expectedDocs: number;
    expectedFailed?: number;
    drainTimeoutMs?: number;
    checks?: (f: RunFigures) => ScenarioReport['checks'];
    extra?: Record<string, unknown>;
    /** Figures to read once the pipeline has drained. */
    after?: () => Promise<Record<string, unknown>>;
  },
): Promise<ScenarioReport> {
  const drained = await s.run.waitDrained(o.drainTimeoutMs ?? 10 * 60_000);
  const drainedAt = Date.now();
  const f = await s.run.figures();
  const after = (await o.after?.().catch((e: unknown) => ({ afterError: String(e) }))) ?? {};
  const crashes = Object.entries(f.unexpectedExits).flatMap(([stage, xs]) => xs.map((x) => `${stage} code ${x.code} signal ${x.signal}`));
  const report: ScenarioReport = {
    scenario: s.name,
    title: o.title,
    checks: [
      check(
        'pipeline drained',
        'yes',
        drained.drained ? `yes, ${((drainedAt - o.t0) / 1000).toFixed(0)} s after the start` : `no, after ${drained.ms} ms`,
        drained.drained,
      ),
      ...standardChecks(f, o.expectedDocs, o.expectedFailed ?? 0),
      check('stage processes that exited by themselves', 0, crashes.length ? crashes.join('; ') : 0, crashes.length === 0),
      ...(o.checks?.(f) ?? []),
    ],
    figures: f,
    extra: { runMs: drainedAt - o.t0, ...o.extra, ...after },
  };
  writeReport(report);
  assertChecks(report);
  return report;
}

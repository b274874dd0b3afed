import type { ChaosRun } from './chaos-run';
import { activeJobIds } from './probe';
import type { StageName } from '../../support/stage-process';

export interface KillRecord {
  stage: StageName;
  signal: NodeJS.Signals;
  /** ms since the run's start. */
  at: number;
  /** Jobs the process held (active in its queue) when killed. */
  orphans: string[];
  exitMs: number;
  exitCode: number | null;
  restartedAt: number | null;
  /** ms from the kill until every orphan had left the active state (null: not yet). */
  orphansRecoveredMs: number | null;
}

/**
 * SIGKILLs (or SIGTERMs) a stage's process, noting the jobs it held, waits for its exit, and
 * starts it again after `restartAfterMs`. A background poll notes when the held jobs have left
 * the active state (picked up again as stalled, or finished by a graceful stop).
 */
export async function killAndRestart(
  run: ChaosRun,
  stage: StageName,
  signal: NodeJS.Signals,
  t0: number,
  restartAfterMs = 1000,
): Promise<KillRecord> {
  // Only one process per stage runs, so the queue's active jobs are exactly this process's.
  const orphans = await activeJobIds(run.queues[stage]);
  const killedAt = run.stages[stage].kill(signal);
  const exit = await run.stages[stage].exited();
  const rec: KillRecord = {
    stage,
    signal,
    at: killedAt - t0,
    orphans,
    exitMs: exit.ms,
    exitCode: exit.code,
    restartedAt: null,
    orphansRecoveredMs: orphans.length === 0 ? 0 : null,
  };
  if (orphans.length > 0) void watchOrphans(run, stage, orphans, killedAt, rec);
  await new Promise((r) => setTimeout(r, restartAfterMs));
  await run.start(stage);
  rec.restartedAt = Date.now() - t0;
  return rec;
}

async function watchOrphans(run: ChaosRun, stage: StageName, ids: string[], since: number, rec: KillRecord): Promise<void> {
  const deadline = since + 10 * 60_000;
  while (Date.now() < deadline) {
    try {
      const states = await Promise.all(ids.map((id) => run.queues[stage].getJobState(id)));
      if (states.every((s) => s !== 'active')) {
        rec.orphansRecoveredMs = Date.now() - since;
        return;
      }
    } catch {
      // Redis closing at the end of the run
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Of the jobs held by the killed processes, those still active now. */
export async function stillActive(run: ChaosRun, kills: KillRecord[]): Promise<string[]> {
  const out: string[] = [];
  for (const k of kills) {
    for (const id of k.orphans) if ((await run.queues[k.stage].getJobState(id)) === 'active') out.push(`${k.stage}:${id}`);
  }
  return out;
}

/** Resolves once `check` holds, polling every `everyMs`. */
export async function until(check: () => Promise<boolean>, timeoutMs: number, everyMs = 1000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return false;
}

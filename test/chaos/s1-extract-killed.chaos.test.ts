import { afterAll, beforeAll, describe, it } from 'vitest';
import { startArticleSite, type ArticleSite } from './support/article-site';
import { CHAOS_URLS, SHARED_SEARCH_URL, assertChecks, chaosRedisFor } from './support/chaos-env';
import { createChaosRun, sleep, type ChaosRun } from './support/chaos-run';
import { killAndRestart, stillActive, until, type KillRecord } from './support/kills';
import { check, standardChecks, writeReport } from './support/report';

// Issue 6, scenario 1: N URLs, the extract process SIGKILLed three times mid-run and started
// again: exactly N documents, no duplicates, no failed job, nothing active 30 s after the last
// restart.
describe('chaos 1: extract SIGKILLed three times', () => {
  let redis: Awaited<ReturnType<typeof chaosRedisFor>>;
  let site: ArticleSite;
  let run: ChaosRun;

  beforeAll(async () => {
    redis = await chaosRedisFor('s1');
    site = await startArticleSite();
    run = await createChaosRun({ scenario: 's1', redisUrl: redis.url, searchUrl: SHARED_SEARCH_URL });
    await run.startAll();
  });
  afterAll(async () => {
    await run?.close();
    await site?.close();
    await redis?.cleanup();
  });

  it(`indexes ${CHAOS_URLS} URLs exactly once`, async () => {
    const n = CHAOS_URLS;
    const t0 = Date.now();
    await run.enqueue(Array.from({ length: n }, (_, i) => site.articleUrl(i)));
    const enqueuedMs = Date.now() - t0;

    // Kill when 15 %, 35 % and 55 % of the documents are in, so each kill hits a busy worker.
    const kills: KillRecord[] = [];
    for (const share of [0.15, 0.35, 0.55]) {
      await until(async () => (await run.documents()) >= Math.floor(n * share), 10 * 60_000, 500);
      kills.push(await killAndRestart(run, 'extract', 'SIGKILL', t0));
    }
    const lastRestart = t0 + (kills.at(-1)?.restartedAt ?? 0);
    await sleep(Math.max(0, lastRestart + 30_000 - Date.now()));
    const orphansActiveAt30s = await stillActive(run, kills);

    const drained = await run.waitDrained(10 * 60_000);
    const drainedAt = Date.now();
    const f = await run.figures();
    const report = {
      scenario: 's1',
      title: `${n} URLs, extract SIGKILLed 3 times`,
      checks: [
        ...standardChecks(f, n),
        check('killed jobs still active 30 s after the last restart', 0, orphansActiveAt30s.length, orphansActiveAt30s.length === 0),
        check('stage exits nobody caused', 0, Object.values(f.unexpectedExits).flat().length, Object.values(f.unexpectedExits).flat().length === 0),
      ],
      figures: f,
      extra: {
        enqueuedMs,
        totalMs: Date.now() - t0,
        drainedAfterLastRestartMs: drained.drained ? drainedAt - lastRestart : null,
        kills: kills.map((k) => ({ atMs: k.at, orphans: k.orphans.length, orphansRecoveredMs: k.orphansRecoveredMs, restartedAtMs: k.restartedAt })),
        orphansActiveAt30s,
      },
    };
    writeReport(report);
    assertChecks(report);
  });
});

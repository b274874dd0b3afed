import { afterAll, beforeAll, describe, it } from 'vitest';
import { CHAOS_URLS, SHARED_SEARCH_URL } from './support/chaos-env';
import { sleep } from './support/chaos-run';
import { until } from './support/kills';
import { activeJobIds } from './support/probe';
import { check } from './support/report';
import { finishScenario, setUpScenario, type Scenario } from './support/scenario';
import { STAGE_NAMES, type ExitInfo, type StageName } from '../support/stage-process';

// Issue 6, scenario 6: every stage SIGTERMed mid-run: each exits 0 within 15 s, and once they are
// started again no job is found stalled (a graceful stop finishes or hands back its jobs).
describe('chaos s6: every stage SIGTERMed mid-run', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await setUpScenario('s6', { searchUrl: SHARED_SEARCH_URL });
  });
  afterAll(async () => s?.close());

  it(`stops cleanly and indexes ${CHAOS_URLS} URLs exactly once`, async () => {
    const n = CHAOS_URLS;
    const t0 = Date.now();
    await s.run.enqueue(Array.from({ length: n }, (_, i) => s.site.articleUrl(i)));
    await until(async () => (await s.run.documents()) >= Math.floor(n * 0.3), 10 * 60_000, 300);
    const activeAtStop = Object.fromEntries(
      await Promise.all(STAGE_NAMES.map(async (st) => [st, (await activeJobIds(s.run.queues[st])).length] as const)),
    );
    for (const st of STAGE_NAMES) s.run.stages[st].kill('SIGTERM');
    const exits = Object.fromEntries(
      await Promise.all(STAGE_NAMES.map(async (st) => [st, await s.run.stages[st].exited()] as const)),
    ) as Record<StageName, ExitInfo>;
    const stoppedAt = Date.now();
    await sleep(2000);
    const restartAt = Date.now();
    await s.run.startAll();
    const bad = STAGE_NAMES.filter((st) => exits[st].code !== 0 || exits[st].ms > 15_000);
    await finishScenario(s, {
      title: `${n} URLs, every stage SIGTERMed at 30 % and started again`,
      t0,
      expectedDocs: n,
      checks: () => {
        const stalledAfter = s.run.stalls.events.filter((e) => e.at >= restartAt);
        return [
          check(
            'stages that did not exit 0 within 15 s',
            0,
            bad.length ? bad.map((st) => `${st}: code ${exits[st].code} signal ${exits[st].signal} in ${exits[st].ms} ms`).join('; ') : 0,
            bad.length === 0,
          ),
          check('stalled jobs after the restart', 0, stalledAfter.length, stalledAfter.length === 0),
        ];
      },
      extra: {
        stoppedAtMs: stoppedAt - t0,
        activeAtStop,
        exits: Object.fromEntries(STAGE_NAMES.map((st) => [st, `code ${exits[st].code}, ${exits[st].ms} ms`])),
        stalledEventsTotal: s.run.stalls.events.length,
      },
    });
  });
});

import { afterAll, beforeAll, describe, it } from 'vitest';
import { CHAOS_URLS, SHARED_SEARCH_URL } from './support/chaos-env';
import { killAndRestart, until, type KillRecord } from './support/kills';
import { check } from './support/report';
import { finishScenario, killFigures, orphansAfterLastRestart, setUpScenario, type Scenario } from './support/scenario';

// Issue 6, scenario 1: N URLs, the extract process SIGKILLed three times mid-run and started
// again: exactly N documents, no duplicates, no failed job, nothing active 30 s after the last
// restart (the killed process's jobs are picked up again by then).
describe('chaos s1: extract SIGKILLed three times', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await setUpScenario('s1', { searchUrl: SHARED_SEARCH_URL });
  });
  afterAll(async () => s?.close());

  it(`indexes ${CHAOS_URLS} URLs exactly once`, async () => {
    const n = CHAOS_URLS;
    const t0 = Date.now();
    await s.run.enqueue(Array.from({ length: n }, (_, i) => s.site.articleUrl(i)));
    // Kill when 15 %, 35 % and 55 % of the documents are in, so each kill hits a busy worker.
    const kills: KillRecord[] = [];
    for (const share of [0.15, 0.35, 0.55]) {
      await until(async () => (await s.run.documents()) >= Math.floor(n * share), 10 * 60_000, 300);
      kills.push(await killAndRestart(s.run, 'extract', 'SIGKILL', t0));
    }
    const orphans = await orphansAfterLastRestart(s.run, kills, t0);
    await finishScenario(s, {
      title: `${n} URLs, extract SIGKILLed 3 times`,
      t0,
      expectedDocs: n,
      checks: () => [check('killed jobs still active 30 s after the last restart', 0, orphans.length, orphans.length === 0)],
      extra: { kills: killFigures(kills), orphansActiveAt30s: orphans },
    });
  });
});

import { afterAll, beforeAll, describe, it } from 'vitest';
import { CHAOS_SEED, CHAOS_URLS, SHARED_SEARCH_URL } from './support/chaos-env';
import { killAndRestart, until, type KillRecord } from './support/kills';
import { check } from './support/report';
import { seededRandom } from './support/rng';
import { finishScenario, killFigures, orphansAfterLastRestart, setUpScenario, type Scenario } from './support/scenario';
import { STAGE_NAMES, type StageName } from '../support/stage-process';

// Issue 6, scenario 2: every stage SIGKILLed at seeded random moments (CHAOS_SEED replays a
// run): N documents, no duplicates, no failed job, nothing active 30 s after the last restart.
describe('chaos s2: every stage SIGKILLed at seeded random times', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await setUpScenario('s2', { searchUrl: SHARED_SEARCH_URL });
  });
  afterAll(async () => s?.close());

  it(`indexes ${CHAOS_URLS} URLs exactly once (seed ${CHAOS_SEED})`, async () => {
    const n = CHAOS_URLS;
    const rand = seededRandom(CHAOS_SEED);
    // Each stage once, plus four more at random; moments as shares of the documents indexed
    // (a machine's speed then does not change which work a kill hits).
    const victims: StageName[] = [...STAGE_NAMES, ...Array.from({ length: 4 }, () => STAGE_NAMES[Math.floor(rand() * 4)] as StageName)];
    const plan = victims
      .map((stage) => ({ stage, share: 0.05 + rand() * 0.6, restartAfterMs: 300 + Math.floor(rand() * 2700) }))
      .sort((a, b) => a.share - b.share);

    const t0 = Date.now();
    await s.run.enqueue(Array.from({ length: n }, (_, i) => s.site.articleUrl(i)));
    const kills: KillRecord[] = [];
    for (const k of plan) {
      await until(async () => (await s.run.documents()) >= Math.floor(n * k.share), 10 * 60_000, 300);
      kills.push(await killAndRestart(s.run, k.stage, 'SIGKILL', t0, k.restartAfterMs));
    }
    const orphans = await orphansAfterLastRestart(s.run, kills, t0);
    await finishScenario(s, {
      title: `${n} URLs, every stage SIGKILLed (${plan.length} kills, seed ${CHAOS_SEED})`,
      t0,
      expectedDocs: n,
      checks: () => [check('killed jobs still active 30 s after the last restart', 0, orphans.length, orphans.length === 0)],
      extra: { seed: CHAOS_SEED, plan, kills: killFigures(kills), orphansActiveAt30s: orphans },
    });
  });
});

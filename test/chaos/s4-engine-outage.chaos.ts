import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startChaosEngine, type ChaosEngine } from './support/chaos-engine';
import { CHAOS_ENGINE_PORT, CHAOS_URLS } from './support/chaos-env';
import { sleep } from './support/chaos-run';
import { until } from './support/kills';
import { attemptsOfCompleted } from './support/probe';
import { check } from './support/report';
import { finishScenario, setUpScenario, type Scenario } from './support/scenario';
import { STAGE_NAMES } from '../support/stage-process';

const OUTAGE_MS = Number(process.env.CHAOS_ENGINE_OUTAGE_MS ?? 60_000);
const DATA = fileURLToPath(new URL('../../.data/chaos-engine-s4', import.meta.url));

// Issue 6, scenario 4: the search engine stopped for 60 s mid-run, then started again: N
// documents, no duplicates, no failed job, nothing left, no process restarted.
describe('chaos s4: search engine stopped for 60 s', () => {
  let engine: ChaosEngine;
  let s: Scenario;
  beforeAll(async () => {
    engine = await startChaosEngine({ port: CHAOS_ENGINE_PORT, dataDir: DATA });
    s = await setUpScenario('s4', { searchUrl: engine.url });
  });
  afterAll(async () => {
    await s?.close();
    await engine?.stop();
  });

  it(`indexes ${CHAOS_URLS} URLs exactly once across the outage`, async () => {
    const n = CHAOS_URLS;
    const t0 = Date.now();
    await s.run.enqueue(Array.from({ length: n }, (_, i) => s.site.articleUrl(i)));
    await until(async () => (await s.run.documents()) >= Math.floor(n * 0.3), 10 * 60_000, 300);
    const docsBefore = await s.run.documents();
    const stopAt = Date.now();
    await engine.stop();
    const downAt = Date.now();
    await sleep(OUTAGE_MS);
    const upAt = Date.now();
    await engine.start();
    const startedMs = Date.now() - upAt;
    const resumed = await until(async () => (await s.run.documents()) > docsBefore, 5 * 60_000, 500);
    const resumedMs = Date.now() - upAt;
    await finishScenario(s, {
      title: `${n} URLs, engine stopped for ${Math.round(OUTAGE_MS / 1000)} s at ${docsBefore} documents`,
      t0,
      expectedDocs: n,
      drainTimeoutMs: 15 * 60_000,
      checks: (f) => [
        check(
          'stage processes started more than once',
          0,
          STAGE_NAMES.filter((st) => f.starts[st] !== 1).join(', ') || 0,
          STAGE_NAMES.every((st) => f.starts[st] === 1),
        ),
        check('indexing resumed after the engine came back', 'yes', resumed ? `yes, ${resumedMs} ms after its start began` : 'no', resumed),
      ],
      extra: {
        stopAtMs: stopAt - t0,
        stopTookMs: downAt - stopAt,
        engineDownMs: upAt - downAt,
        engineStartMs: startedMs,
        docsBefore,
        resumedMs,
      },
      after: async () => {
        const indexLog = readFileSync(s.run.stages.index.logFile, 'utf8').split('\n');
        return {
          // How many tries the index jobs needed (the last 1,000 completed): the outage should not use them up.
          indexAttempts: await attemptsOfCompleted(s.run.queues.index),
          indexLogWarnLines: indexLog.filter((l) => l.includes('"level":40')).length,
          indexLogErrorLines: indexLog.filter((l) => l.includes('"level":50')).length,
        };
      },
    });
  });
});

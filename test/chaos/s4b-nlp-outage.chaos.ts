import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { freePort } from '../support/free-port';
import { startChaosNlp, type ChaosNlp } from './support/chaos-nlp';
import { CHAOS_URLS, SHARED_SEARCH_URL } from './support/chaos-env';
import { sleep } from './support/chaos-run';
import { until } from './support/kills';
import { attemptsOfCompleted } from './support/probe';
import { check } from './support/report';
import { finishScenario, setUpScenario, type Scenario } from './support/scenario';
import { STAGE_NAMES } from '../support/stage-process';

const OUTAGE_MS = Number(process.env.CHAOS_NLP_OUTAGE_MS ?? 60_000);
const DATA = fileURLToPath(new URL('../../.data/chaos-nlp-s4b', import.meta.url));

// Scenario 4b (as 4, for the NLP server): the CoreNLP server the enrich stage reads from killed
// (SIGKILL, mid-request) for 60 s mid-run, then started again: N documents, no duplicates, no
// failed job, nothing left, no process restarted, and the enrich jobs it held up put off
// without using their attempts.
describe('chaos s4b: NLP server killed for 60 s', () => {
  let nlp: ChaosNlp;
  let s: Scenario;
  beforeAll(async () => {
    nlp = await startChaosNlp({ port: await freePort(), dataDir: DATA });
    s = await setUpScenario('s4b', { searchUrl: SHARED_SEARCH_URL, stageEnv: { enrich: { NLP_URL: nlp.url } } });
  });
  afterAll(async () => {
    await s?.close();
    await nlp?.stop();
  });

  it(`indexes ${CHAOS_URLS} URLs exactly once across the outage`, async () => {
    const n = CHAOS_URLS;
    const t0 = Date.now();
    await s.run.enqueue(Array.from({ length: n }, (_, i) => s.site.articleUrl(i)));
    await until(async () => (await s.run.documents()) >= Math.floor(n * 0.3), 10 * 60_000, 300);
    const docsBefore = await s.run.documents();
    const enrichWaitingAtKill = await s.run.queues.enrich.getJobCounts('active', 'waiting', 'delayed');
    const killAt = Date.now();
    const jvmPid = await nlp.kill();
    const downAt = Date.now();
    await sleep(OUTAGE_MS);
    const docsAtEndOfOutage = await s.run.documents();
    const upAt = Date.now();
    await nlp.start();
    const readyAt = Date.now();
    // Documents enriched before the kill may still be reaching the index during the outage:
    // "resumed" means more than there were once the server was back.
    const docsAtReady = await s.run.documents();
    const resumed = await until(async () => (await s.run.documents()) > docsAtReady, 5 * 60_000, 500);
    const resumedMs = Date.now() - readyAt;
    // Drained first so the enrich jobs' attempts can be checked (finishScenario's own wait then
    // returns at once).
    await s.run.waitDrained(15 * 60_000);
    // The last 200 completed enrich jobs (BullMQ's retention), which include the ones put off:
    // a put-off shows in attemptsStarted, not in attemptsMade (1 for a first-try success).
    const enrichAttempts = await attemptsOfCompleted(s.run.queues.enrich);
    const retried = Object.entries(enrichAttempts.attempts)
      .filter(([a]) => Number(a) > 1)
      .reduce((k, [, v]) => k + v, 0);
    const startedAgain = Object.entries(enrichAttempts.starts)
      .filter(([st]) => Number(st) > 1)
      .reduce((k, [, v]) => k + v, 0);
    const enrichLog = readFileSync(s.run.stages.enrich.logFile, 'utf8').split('\n');
    const putOffLines = enrichLog.filter((l) => l.includes('putting the job off')).length;
    await finishScenario(s, {
      title: `${n} URLs, NLP server SIGKILLed for ${Math.round(OUTAGE_MS / 1000)} s at ${docsBefore} documents`,
      t0,
      expectedDocs: n,
      // Waited for above already.
      drainTimeoutMs: 30_000,
      checks: (f) => [
        check(
          'stage processes started more than once',
          0,
          STAGE_NAMES.filter((st) => f.starts[st] !== 1).join(', ') || 0,
          STAGE_NAMES.every((st) => f.starts[st] === 1),
        ),
        check(
          'indexing resumed after the NLP server came back',
          'yes',
          resumed ? `yes, ${resumedMs} ms after it was ready` : 'no',
          resumed,
        ),
        // The outage did hit enrich work (else the scenario proved nothing).
        check(
          'enrich jobs put off (completed jobs started more than once)',
          '> 0',
          `${startedAgain} (${putOffLines} put-off log lines)`,
          startedAgain > 0,
        ),
        check('completed enrich jobs that used more than one attempt', 0, retried, retried === 0),
      ],
      extra: {
        nlpUrl: nlp.url,
        jvmPid,
        killAtMs: killAt - t0,
        killTookMs: downAt - killAt,
        nlpDownMs: upAt - downAt,
        nlpStartMs: readyAt - upAt,
        docsBefore,
        enrichWaitingAtKill,
        docsAtEndOfOutage,
        docsAtReady,
        resumedMs,
      },
      after: async () => ({
        enrichAttempts,
        enrichPutOffLines: putOffLines,
        enrichLogWarnLines: enrichLog.filter((l) => l.includes('"level":40')).length,
        enrichLogErrorLines: enrichLog.filter((l) => l.includes('"level":50')).length,
      }),
    });
  });
});

import { afterAll, beforeAll, describe, it } from 'vitest';
import { CHAOS_URLS, SHARED_SEARCH_URL } from './support/chaos-env';
import { sleep } from './support/chaos-run';
import { until } from './support/kills';
import { check } from './support/report';
import { finishScenario, setUpScenario, type Scenario } from './support/scenario';
import { STAGE_NAMES } from './support/stage-process';

const REDIS_DOWN_MS = 5000;

// Issue 6, scenario 3: Redis (append-only file, fsync every second, as in docker compose) shut
// down and started again mid-run: N documents, no duplicates, no failed job, nothing left, and
// every worker resumed by itself (each stage process started once, none exited).
describe('chaos s3: Redis restarted mid-run', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await setUpScenario('s3', { searchUrl: SHARED_SEARCH_URL });
  });
  afterAll(async () => s?.close());

  it(`indexes ${CHAOS_URLS} URLs exactly once, no worker restarted by hand`, async () => {
    const n = CHAOS_URLS;
    const t0 = Date.now();
    await s.run.enqueue(Array.from({ length: n }, (_, i) => s.site.articleUrl(i)));
    await until(async () => (await s.run.documents()) >= Math.floor(n * 0.3), 10 * 60_000, 300);
    const docsBefore = await s.run.documents();
    const downAt = Date.now();
    await s.redis.shutdown();
    const shutdownMs = Date.now() - downAt;
    await sleep(REDIS_DOWN_MS);
    const upAt = Date.now();
    await s.redis.start();
    // Progress again after the restart, without touching any worker.
    const resumed = await until(async () => (await s.run.documents()) > docsBefore + 10, 5 * 60_000, 500);
    const resumedMs = Date.now() - upAt;
    await finishScenario(s, {
      title: `${n} URLs, Redis shut down for ${REDIS_DOWN_MS / 1000} s and started again at ${docsBefore} documents`,
      t0,
      expectedDocs: n,
      checks: (f) => [
        check('stage processes started more than once', 0, STAGE_NAMES.filter((st) => f.starts[st] !== 1).join(', ') || 0, STAGE_NAMES.every((st) => f.starts[st] === 1)),
        check('indexing resumed after Redis came back', 'yes', resumed ? `yes, ${resumedMs} ms after` : 'no', resumed),
      ],
      extra: { redisDownAtMs: downAt - t0, shutdownMs, redisDownMs: upAt - downAt, docsBefore, resumedMs },
    });
  });
});

import { afterAll, beforeAll, describe, it } from 'vitest';
import { CHAOS_SOAK_MINUTES, SHARED_SEARCH_URL } from './support/chaos-env';
import { sleep } from './support/chaos-run';
import { growth, redisBreakdown, type Sample } from './support/memory';
import { check } from './support/report';
import { finishScenario, setUpScenario, type Scenario } from './support/scenario';
import { STAGE_NAMES } from '../support/stage-process';

const RATE = Number(process.env.CHAOS_SOAK_RATE ?? 4); // URLs per second
const SAMPLE_EVERY_MS = 10_000;
const WARM_UP_SHARE = 0.3;
/** "Flat after warm-up": the last fifth of the samples at most this much above the first fifth. */
const MAX_GROWTH_PCT = 10;

// Issue 6, scenario 7: a soak at a steady rate with 1 % bad URLs (404s): Redis memory and every
// worker's RSS flat after warm-up (growth reported); every good URL indexed once, every bad one
// failed with its reason.
describe(`chaos s7: ${CHAOS_SOAK_MINUTES}-minute soak`, () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await setUpScenario('s7', { searchUrl: SHARED_SEARCH_URL });
  });
  afterAll(async () => s?.close());

  it(`keeps memory flat at ${RATE} URLs/s with 1 % bad URLs`, async () => {
    const durationMs = CHAOS_SOAK_MINUTES * 60_000;
    const t0 = Date.now();
    const samples: Sample[] = [];
    let good = 0;
    let bad = 0;
    let seq = 0;
    let breakdownAfterWarmUp: Awaited<ReturnType<typeof redisBreakdown>> | null = null;
    let nextSample = t0;
    while (Date.now() - t0 < durationMs) {
      const tick = Date.now();
      const urls: string[] = [];
      for (let i = 0; i < RATE; i++, seq++) {
        // Every hundredth URL answers 404.
        if (seq % 100 === 99) urls.push(s.site.badUrl(bad++));
        else urls.push(s.site.articleUrl(good++));
      }
      await s.run.enqueue(urls);
      if (Date.now() >= nextSample) {
        nextSample += SAMPLE_EVERY_MS;
        const info = await s.redis.info('memory');
        samples.push({
          atS: Math.round((Date.now() - t0) / 1000),
          redisUsedMemory: Number(info.used_memory),
          rssKb: Object.fromEntries(STAGE_NAMES.map((st) => [st, s.run.stages[st].rssKb()])),
        });
        if (!breakdownAfterWarmUp && Date.now() - t0 >= durationMs * WARM_UP_SHARE) breakdownAfterWarmUp = await redisBreakdown(s.run.redis, s.run.prefix);
      }
      await sleep(Math.max(0, 1000 - (Date.now() - tick)));
    }
    const breakdownAtEnd = await redisBreakdown(s.run.redis, s.run.prefix);

    const warm = samples.filter((x) => x.atS >= (durationMs / 1000) * WARM_UP_SHARE);
    const series: Record<string, ReturnType<typeof growth>> = {
      'redis used_memory (bytes)': growth(warm.map((x) => ({ atS: x.atS, v: x.redisUsedMemory }))),
    };
    for (const st of STAGE_NAMES) {
      series[`${st} RSS (kB)`] = growth(warm.filter((x) => x.rssKb[st] != null).map((x) => ({ atS: x.atS, v: x.rssKb[st] as number })));
    }
    await finishScenario(s, {
      title: `${CHAOS_SOAK_MINUTES} min at ${RATE} URLs/s: ${good} good URLs, ${bad} bad`,
      t0,
      expectedDocs: good,
      expectedFailed: bad,
      checks: (f) => [
        check(
          'failed jobs that are not the 404s',
          0,
          Object.entries(f.queues.fetch.failedReasons).filter(([r]) => !/404/.test(r)).reduce((k, [, v]) => k + v, 0) + f.failed - f.queues.fetch.failed,
          Object.keys(f.queues.fetch.failedReasons).every((r) => /404/.test(r)) && f.failed === f.queues.fetch.failed,
        ),
        ...Object.entries(series).map(([name, g]) =>
          check(`${name} growth after warm-up`, `≤ ${MAX_GROWTH_PCT} %`, g.growthPct === null ? 'no samples' : `${g.growthPct} % (${g.first} → ${g.last}, ${g.slopePerMin}/min)`, g.growthPct !== null && g.growthPct <= MAX_GROWTH_PCT),
        ),
      ],
      extra: { rate: RATE, warmUpS: (durationMs / 1000) * WARM_UP_SHARE, series, breakdownAfterWarmUp, breakdownAtEnd, samples },
    });
  });
});

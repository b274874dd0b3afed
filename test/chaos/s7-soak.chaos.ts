import { afterAll, beforeAll, describe, it } from 'vitest';
import { loadConfig } from '@newsflow/config';
import { RETENTION } from '@newsflow/contracts';
import { CHAOS_SOAK_MINUTES, SHARED_SEARCH_URL } from './support/chaos-env';
import { sleep } from './support/chaos-run';
import {
  deleteAndMeasure,
  judgeFlatness,
  keysUsage,
  redisBreakdown,
  steadyStateFromS,
  type Flatness,
  type FlatnessLimits,
  type Sample,
} from './support/memory';
import { check } from './support/report';
import { finishScenario, setUpScenario, type Scenario } from './support/scenario';
import { STAGE_NAMES } from '../support/stage-process';

const RATE = Number(process.env.CHAOS_SOAK_RATE ?? 4); // URLs per second
const SAMPLE_EVERY_MS = 10_000;
/** Steady state starts no earlier than this share of the run (the V8 heaps settle too). */
const MIN_WARM_UP_SHARE = 0.3;
/**
 * "Flat from steady state on": the line fitted through the steady samples rises no faster than
 * 1.5 % of the level a minute, beyond doubt (what the 10-minute soak allowed before: 10 % over its
 * last 7 minutes), or ends no more than 5 % above the highest level before steady state (a heap
 * filling again). See judgeFlatness.
 */
const LIMITS: FlatnessLimits = { maxPctPerMin: 1.5, peakMarginPct: 5 };

// Issue 6, scenario 7: a soak at a steady rate with 1 % bad URLs (404s): Redis memory and every
// worker's RSS flat from steady state on; every good URL indexed once, every bad one failed with
// its reason.
//
// Steady state is read from the run, not guessed as a share of it: Redis keeps finished work for
// a while — a done article's status and trace (DONE_STATUS_TTL_SECONDS) and its blobs
// (INDEXED_BLOB_TTL_SECONDS), a minute each by default, the latest completed jobs of each queue
// (RETENTION.removeOnComplete.count) and each queue's event stream (its maxLenEvents) — so its
// memory rises until articles have been finishing at the full rate for the longest TTL and each
// of those is full. The
// story index (near-duplicates, `<prefix>:story:`) is kept for STORY_WINDOW_HOURS (a week by
// default, an hour at the least): longer than any soak, it grows with every document by design.
// It is measured on its own (its cost per document, and every key expiring) and taken out of the
// Redis series judged for flatness.
describe(`chaos s7: ${CHAOS_SOAK_MINUTES}-minute soak`, () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await setUpScenario('s7', { searchUrl: SHARED_SEARCH_URL });
  });
  afterAll(async () => s?.close());

  it(`keeps memory flat at ${RATE} URLs/s with 1 % bad URLs`, async () => {
    // The stage processes run on the defaults for these (chaos-run sets none of them).
    const config = loadConfig({});
    const ttlsS = [config.store.doneStatusTtlSeconds, config.store.indexedTtlSeconds];
    const storyPattern = `${s.run.prefix}:story:*`;
    const durationMs = CHAOS_SOAK_MINUTES * 60_000;
    const t0 = Date.now();
    const atS = () => Math.round((Date.now() - t0) / 1000);
    const samples: (Sample & { storyBytes: number })[] = [];
    /** When articles first finished at the input rate (good URLs), over the last 10 s. */
    let fullRateAtS: number | null = null;
    /** When each capped structure (a queue's completed jobs, its event stream) was first seen full. */
    const filledAtS = new Map<string, number | null>(
      STAGE_NAMES.flatMap((q) => [
        [`${q}:completed`, null],
        [`${q}:events`, null],
      ]),
    );
    let good = 0;
    let bad = 0;
    let seq = 0;
    let breakdownAtSteadyState: Awaited<ReturnType<typeof redisBreakdown>> | null = null;
    let nextSample = t0;
    const sample = async () => {
      const info = await s.redis.info('memory');
      const story = await keysUsage(s.run.redis, storyPattern);
      samples.push({
        atS: atS(),
        redisUsedMemory: Number(info.used_memory),
        storyBytes: story.bytes,
        rssKb: Object.fromEntries(STAGE_NAMES.map((st) => [st, s.run.stages[st].rssKb()])),
      });
      for (const q of STAGE_NAMES) {
        const base = `${s.run.prefix}:${q}`;
        if (
          filledAtS.get(`${q}:completed`) === null &&
          (await s.run.redis.zcard(`${base}:completed`)) >= RETENTION.removeOnComplete.count
        ) {
          filledAtS.set(`${q}:completed`, atS());
        }
        const maxLen = Number((await s.run.redis.hget(`${base}:meta`, 'opts.maxLenEvents')) ?? 10_000);
        if (filledAtS.get(`${q}:events`) === null && (await s.run.redis.xlen(`${base}:events`)) >= maxLen) {
          filledAtS.set(`${q}:events`, atS());
        }
      }
    };
    const steadyFrom = () =>
      steadyStateFromS({ minS: (durationMs / 1000) * MIN_WARM_UP_SHARE, fullRateAtS, ttlsS, filledAtS: [...filledAtS.values()] });

    while (Date.now() - t0 < durationMs) {
      const tick = Date.now();
      const urls: string[] = [];
      for (let i = 0; i < RATE; i++, seq++) {
        // Every hundredth URL answers 404.
        if (seq % 100 === 99) urls.push(s.site.badUrl(bad++));
        else urls.push(s.site.articleUrl(good++));
      }
      await s.run.enqueue(urls);
      // (A completed job's score is when it finished; the set keeps the latest 200, 50 s at 4/s.)
      if (fullRateAtS === null) {
        const now = Date.now();
        const done = await s.run.redis.zcount(`${s.run.prefix}:index:completed`, now - 10_000, now);
        if (done >= 0.8 * RATE * 0.99 * 10) fullRateAtS = atS();
      }
      if (Date.now() >= nextSample) {
        nextSample += SAMPLE_EVERY_MS;
        await sample();
        const from = steadyFrom();
        if (!breakdownAtSteadyState && from !== null && atS() >= from) {
          breakdownAtSteadyState = await redisBreakdown(s.run.redis, s.run.prefix);
        }
      }
      await sleep(Math.max(0, 1000 - (Date.now() - tick)));
    }
    await sample(); // the end of the load
    const steadyFromS = steadyFrom();
    const breakdownAtEnd = await redisBreakdown(s.run.redis, s.run.prefix);

    // The story index's true cost (MEMORY USAGE leaves out per-key overheads): what deleting it
    // frees, once the pipeline has drained. Its share of each sample is its MEMORY USAGE then,
    // scaled by that.
    const drained = await s.run.waitDrained(10 * 60_000);
    const story = await deleteAndMeasure(s.run.redis, storyPattern);
    const storyScale = story.usageBytes > 0 ? story.freedBytes / story.usageBytes : 1;
    const storyCostAt = (x: { storyBytes: number }) => Math.round(x.storyBytes * storyScale);

    const series: Record<string, Flatness> = {
      'redis used_memory besides the story index (bytes)': judgeFlatness(
        samples.map((x) => ({ atS: x.atS, v: x.redisUsedMemory - storyCostAt(x) })),
        steadyFromS,
        LIMITS,
      ),
    };
    for (const st of STAGE_NAMES) {
      series[`${st} RSS (kB)`] = judgeFlatness(
        samples.filter((x) => x.rssKb[st] != null).map((x) => ({ atS: x.atS, v: x.rssKb[st] as number })),
        steadyFromS,
        LIMITS,
      );
    }
    const verdictText = (g: Flatness) =>
      g.verdict === 'too-short'
        ? `too short to judge: ${g.samples} samples from steady state on (${steadyFromS === null ? 'never reached' : `from ${steadyFromS} s`}; 3 needed, one every ${SAMPLE_EVERY_MS / 1000} s)`
        : `${g.slopePctPerMin} %/min, margin ${g.marginPctPerMin} (${g.first} → ${g.last} fitted, ${g.slopePerMin}/min, ${g.samples} samples from ${steadyFromS} s; highest before ${g.peakBefore})`;
    const documents = Math.max(1, good);
    await finishScenario(s, {
      title: `${CHAOS_SOAK_MINUTES} min at ${RATE} URLs/s: ${good} good URLs, ${bad} bad`,
      t0,
      expectedDocs: good,
      expectedFailed: bad,
      checks: (f) => [
        check(
          'failed jobs that are not the 404s',
          0,
          Object.entries(f.queues.fetch.failedReasons)
            .filter(([r]) => !/404/.test(r))
            .reduce((k, [, v]) => k + v, 0) +
            f.failed -
            f.queues.fetch.failed,
          Object.keys(f.queues.fetch.failedReasons).every((r) => /404/.test(r)) && f.failed === f.queues.fetch.failed,
        ),
        check(
          'story index keys without an expiry',
          0,
          `${story.withoutExpiry} of ${story.keys} (longest TTL ${story.longestTtlS} s, window ${config.index.storyWindowSeconds} s)`,
          story.withoutExpiry === 0 && story.longestTtlS <= config.index.storyWindowSeconds,
        ),
        ...Object.entries(series).map(([name, g]) =>
          check(
            `${name} growth from steady state on`,
            `not surely > ${LIMITS.maxPctPerMin} %/min, or ≤ ${LIMITS.peakMarginPct} % above before`,
            verdictText(g),
            g.verdict === 'flat',
          ),
        ),
      ],
      extra: {
        rate: RATE,
        steadyFromS,
        warmUp: { fullRateAtS, ttlsS, filledAtS: Object.fromEntries(filledAtS), minS: (durationMs / 1000) * MIN_WARM_UP_SHARE },
        storyIndex: {
          keys: story.keys,
          bytes: story.freedBytes,
          bytesPerDocument: Math.round(story.freedBytes / documents),
          memoryUsageScale: Math.round(storyScale * 100) / 100,
          drainedBeforeMeasuring: drained.drained,
        },
        series,
        breakdownAtSteadyState,
        breakdownAtEnd,
        samples: samples.map((x) => ({ ...x, storyCost: storyCostAt(x) })),
      },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { judgeFlatness as judge, steadyStateFromS, type FlatnessLimits, type Point } from './memory';

/** A sample every 10 s for `seconds`, of `f(t)`. */
const series = (seconds: number, f: (t: number) => number): Point[] =>
  Array.from({ length: seconds / 10 + 1 }, (_, i) => ({ atS: i * 10, v: f(i * 10) }));
/** As the soak judges: not surely faster than 1.5 % a minute, or no more than 5 % above the level before steady state. */
const LIMITS: FlatnessLimits = { maxPctPerMin: 1.5, peakMarginPct: 5 };
const judgeFlatness = (points: Point[], steadyFromS: number | null) => judge(points, steadyFromS, LIMITS);
/** Deterministic noise in [-1, 1] (the same every run). */
const noise = (t: number) => Math.sin(t * 1.7) * Math.cos(t * 0.31);

// What a soak's Redis memory does: finished work kept a minute (TTLs) fills in over the first
// ~65 s, then holds, give or take what is in flight. 2 MB at the start, 5.5 MB once full.
const filling = (t: number) => 2e6 + 3.5e6 * Math.min(1, t / 65) + 60e3 * noise(t);

describe('steady state of a soak', () => {
  it('starts once articles have finished at the full rate for the longest TTL and every capped structure is full, not before the floor', () => {
    expect(steadyStateFromS({ minS: 36, fullRateAtS: 4, ttlsS: [60, 60], filledAtS: [50, 40, 70] })).toBe(70);
    expect(steadyStateFromS({ minS: 36, fullRateAtS: 5, ttlsS: [60, 30], filledAtS: [50] })).toBe(65);
    expect(steadyStateFromS({ minS: 180, fullRateAtS: 5, ttlsS: [60], filledAtS: [50] })).toBe(180);
  });

  it('is never reached when articles never finished at the full rate or a structure never filled', () => {
    expect(steadyStateFromS({ minS: 36, fullRateAtS: null, ttlsS: [60], filledAtS: [50] })).toBeNull();
    expect(steadyStateFromS({ minS: 36, fullRateAtS: 5, ttlsS: [60], filledAtS: [50, null] })).toBeNull();
  });
});

describe('judging a soak series flat from steady state on', () => {
  it('passes a series that fills during warm-up and is flat after it, in a short soak and a long one', () => {
    for (const seconds of [120, 600]) {
      const g = judgeFlatness(series(seconds, filling), 70);
      expect(g.verdict, `${seconds} s`).toBe('flat');
      expect(Math.abs(g.growthPct ?? Infinity)).toBeLessThan(3);
    }
  });

  it('is the verdict the share-of-the-run warm-up got wrong: judged from 36 s, the same 2-minute series grows', () => {
    expect(judgeFlatness(series(120, filling), 36).verdict).toBe('growing');
  });

  it('fails a leaking series, short or long: growth past steady state and above anything before it', () => {
    // The same filling, plus 0.55 MB a minute kept for ever (done articles' statuses, before they expired).
    const leaking = (t: number) => filling(t) + (0.55e6 * t) / 60;
    for (const seconds of [120, 600]) {
      const g = judgeFlatness(series(seconds, leaking), 70);
      expect(g.verdict, `${seconds} s`).toBe('growing');
      expect(g.slopePerMin).toBeGreaterThan(0.5e6);
    }
    // An RSS leak of 4 % a minute from the start, in a 10-minute soak.
    expect(
      judgeFlatness(
        series(600, (t) => 150e3 * (1 + (0.04 * t) / 60) + 3e3 * noise(t)),
        180,
      ).verdict,
    ).toBe('growing');
  });

  it('passes a heap that fills again after a collection to where it was, and fails one that goes past it', () => {
    // RSS of a worker: 170 MB, a collection at 55 s drops it to 125 MB, it fills again.
    const refill = (top: number, perS: number) => (t: number) => (t < 55 ? 170e3 : 125e3 + Math.min(top - 125e3, (t - 55) * perS));
    const back = judgeFlatness(series(120, refill(170e3, 800)), 70);
    expect(back.slopePctPerMin).toBeGreaterThan(10); // it does rise across the steady part…
    expect(back.verdict).toBe('flat'); // …but only to the level it had before
    expect(judgeFlatness(series(120, refill(400e3, 1500)), 70).verdict).toBe('growing');
  });

  it('judges nothing on fewer than three steady samples, or when steady state never came', () => {
    expect(judgeFlatness(series(120, filling), 110)).toMatchObject({ verdict: 'too-short', samples: 2, growthPct: null });
    expect(judgeFlatness(series(120, filling), null)).toMatchObject({ verdict: 'too-short', samples: 0 });
  });

  it('reports the fitted line: flat is 0 % and 0/min, a steady rise its slope', () => {
    expect(
      judgeFlatness(
        series(100, () => 100),
        0,
      ),
    ).toMatchObject({ verdict: 'flat', growthPct: 0, slopePerMin: 0, first: 100, last: 100 });
    const rising = judgeFlatness(
      Array.from({ length: 10 }, (_, i) => ({ atS: i * 60, v: 100 + i * 10 })),
      0,
    );
    // 100 → 190 fitted over 9 minutes: 90 %, 10 a minute (6.9 % of their mean, 145); nothing before steady state.
    expect(rising).toMatchObject({
      verdict: 'growing',
      first: 100,
      last: 190,
      growthPct: 90,
      slopePerMin: 10,
      slopePctPerMin: 6.9,
      peakBefore: null,
    });
  });

  it('passes what is in flight moving about a level, even when it ends a little higher (a 2-minute soak’s Redis, measured)', () => {
    // used_memory less the story index, every 10 s of a 2-minute soak at 4 URLs/s (steady from 64 s).
    const measured = [2059432, 3166885, 3698394, 4247435, 4811084, 5242409, 5520800, 5670934, 5696978, 5750235, 5710287, 5735073, 5737856];
    const g = judgeFlatness(
      measured.map((v, i) => ({ atS: i * 10, v })),
      64,
    );
    expect(g.slopePctPerMin).toBeGreaterThan(1); // it does rise, by a hair…
    expect(g.slopePctPerMin! - g.marginPctPerMin!).toBeLessThan(LIMITS.maxPctPerMin); // …not surely faster than the limit, given its scatter
    expect(g.verdict).toBe('flat');
  });

  it('holds slow growth within the limit flat: 1 % a minute for 10 minutes', () => {
    expect(
      judgeFlatness(
        series(600, (t) => 100e3 * (1 + (0.01 * t) / 60)),
        180,
      ).verdict,
    ).toBe('flat');
  });
});

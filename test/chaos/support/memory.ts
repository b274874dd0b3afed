import type { Redis } from 'ioredis';

export interface Sample {
  atS: number;
  redisUsedMemory: number;
  rssKb: Record<string, number | null>;
}

export interface Point {
  atS: number;
  v: number;
}

/**
 * When a soak's memory can first be steady: not before every kind of finished work Redis keeps
 * for a while has reached its steady amount — kept for a time (TTLs: steady once articles have
 * been finishing at the full rate for that long) or up to a count (completed jobs, event streams:
 * from when each was full) — and not before `minS` (the V8 heaps' own settling). Null when one
 * of them never happened in the run (never the full rate, a structure never full): no part of
 * it is steady.
 */
export function steadyStateFromS(o: {
  minS: number;
  fullRateAtS: number | null;
  ttlsS: number[];
  filledAtS: (number | null)[];
}): number | null {
  if (o.fullRateAtS === null || o.filledAtS.some((t) => t === null)) return null;
  return Math.max(o.minS, o.fullRateAtS + Math.max(0, ...o.ttlsS), ...(o.filledAtS as number[]));
}

export interface Flatness {
  /** flat: not growing (below); growing: a lasting rise; too-short: fewer than 3 steady samples. */
  verdict: 'flat' | 'growing' | 'too-short';
  steadyFromS: number | null;
  /** Samples in the steady part. */
  samples: number;
  /** The fitted line's values at the first and last steady sample. */
  first: number | null;
  last: number | null;
  /** The fitted line's rise across the steady part, in %. */
  growthPct: number | null;
  /** The fitted slope per minute, in the series' unit and in % of the steady part's mean. */
  slopePerMin: number | null;
  slopePctPerMin: number | null;
  /** The slope's one-sided 95 % margin, in % of the mean per minute. */
  marginPctPerMin: number | null;
  /** The highest sample before the steady part. */
  peakBefore: number | null;
}

export interface FlatnessLimits {
  /** A rise not surely faster than this (% of the level per minute) is flat. */
  maxPctPerMin: number;
  /** …and so is one that ends no more than this (%) above the highest level before steady state. */
  peakMarginPct: number;
}

/** One-sided 95 % quantiles of Student's t, by degrees of freedom (1.645 past 30). */
function t95(dof: number): number {
  const table = [6.314, 2.92, 2.353, 2.132, 2.015, 1.943, 1.895, 1.86, 1.833, 1.812, 1.796, 1.782, 1.771, 1.761, 1.753];
  if (dof <= table.length) return table[Math.max(1, dof) - 1]!;
  return dof <= 30 ? 1.72 : 1.645;
}

/**
 * Judges a series from steady state on (`steadyFromS`, from `steadyStateFromS`) by the
 * least-squares line through the steady samples, so neither the warm-up's filling nor one noisy
 * sample at either end decides. A rate, not a rise over the run: the same leak is judged the
 * same in a 2-minute soak and a 10-minute one. It is growing when the line rises faster than
 * `maxPctPerMin` beyond doubt — the slope less its one-sided 95 % margin (from the samples'
 * scatter about the line; fewer, noisier samples widen it) — and ends above the highest level
 * seen before steady state by more than `peakMarginPct`: what is in flight moving about a level,
 * or a heap filling again after a collection to where it already was, is not growth; a leak
 * keeps rising, and soon passes any earlier level. Fewer than 3 steady samples judge nothing
 * (too-short) rather than pass or fail on the warm-up.
 */
export function judgeFlatness(points: Point[], steadyFromS: number | null, limits: FlatnessLimits): Flatness {
  const steady = steadyFromS === null ? [] : points.filter((p) => p.atS >= steadyFromS);
  const before = steadyFromS === null ? points : points.filter((p) => p.atS < steadyFromS);
  const peakBefore = before.length > 0 ? Math.max(...before.map((p) => p.v)) : null;
  const none = {
    steadyFromS,
    samples: steady.length,
    first: null,
    last: null,
    growthPct: null,
    slopePerMin: null,
    slopePctPerMin: null,
    marginPctPerMin: null,
    peakBefore,
  };
  if (steady.length < 3) return { verdict: 'too-short', ...none };
  const mx = steady.reduce((a, p) => a + p.atS, 0) / steady.length;
  const my = steady.reduce((a, p) => a + p.v, 0) / steady.length;
  const den = steady.reduce((a, p) => a + (p.atS - mx) ** 2, 0);
  if (den === 0) return { verdict: 'too-short', ...none };
  const slope = steady.reduce((a, p) => a + (p.atS - mx) * (p.v - my), 0) / den;
  const at = (t: number) => my + slope * (t - mx);
  const first = at(steady[0]!.atS);
  const last = at(steady[steady.length - 1]!.atS);
  const perMinPct = (perS: number) => ((perS * 60) / Math.abs(my)) * 100;
  const slopePctPerMin = perMinPct(slope);
  const dof = steady.length - 2;
  const residuals = steady.reduce((a, p) => a + (p.v - at(p.atS)) ** 2, 0);
  const slopeError = dof > 0 ? Math.sqrt(residuals / dof / den) : Number.POSITIVE_INFINITY;
  const surelyFaster = perMinPct(slope - t95(dof) * slopeError) > limits.maxPctPerMin;
  const abovePeak = peakBefore === null || last > peakBefore * (1 + limits.peakMarginPct / 100);
  const round1 = (x: number) => Math.round(x * 10) / 10;
  return {
    verdict: surelyFaster && abovePeak ? 'growing' : 'flat',
    steadyFromS,
    samples: steady.length,
    first: Math.round(first),
    last: Math.round(last),
    growthPct: round1(((last - first) / Math.abs(first)) * 100),
    slopePerMin: Math.round(slope * 60),
    slopePctPerMin: round1(slopePctPerMin),
    marginPctPerMin: round1(perMinPct(t95(dof) * slopeError)),
    peakBefore,
  };
}

/** Count and bytes (MEMORY USAGE: a key's name, value and entry) of the keys matching `pattern`. */
export async function keysUsage(redis: Redis, pattern: string): Promise<{ keys: number; bytes: number }> {
  let keys = 0;
  let bytes = 0;
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (batch.length === 0) continue;
    const p = redis.pipeline();
    for (const key of batch) p.call('MEMORY', 'USAGE', key);
    for (const [, size] of (await p.exec()) ?? []) {
      keys++;
      bytes += Number(size ?? 0);
    }
  } while (cursor !== '0');
  return { keys, bytes };
}

/**
 * Deletes the keys matching `pattern` and says what Redis' used_memory dropped by: their true
 * cost, overheads MEMORY USAGE leaves out included (the expiry entry, the tables' slots). Also
 * counts those of them that had no expiry, and their longest TTL. For the end of a soak only.
 */
export async function deleteAndMeasure(
  redis: Redis,
  pattern: string,
): Promise<{ keys: number; usageBytes: number; freedBytes: number; withoutExpiry: number; longestTtlS: number }> {
  const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0);
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    found.push(...batch);
  } while (cursor !== '0');
  let usageBytes = 0;
  let withoutExpiry = 0;
  let longestTtlS = 0;
  for (let i = 0; i < found.length; i += 1000) {
    const p = redis.pipeline();
    for (const key of found.slice(i, i + 1000)) p.call('MEMORY', 'USAGE', key).ttl(key);
    const replies = (await p.exec()) ?? [];
    for (let j = 0; j + 1 < replies.length; j += 2) {
      usageBytes += Number(replies[j]?.[1] ?? 0);
      const ttl = Number(replies[j + 1]?.[1] ?? -2);
      if (ttl === -1) withoutExpiry++;
      longestTtlS = Math.max(longestTtlS, ttl);
    }
  }
  const before = await usedMemory();
  for (let i = 0; i < found.length; i += 1000) await redis.del(...found.slice(i, i + 1000));
  const after = await usedMemory();
  return { keys: found.length, usageBytes, freedBytes: before - after, withoutExpiry, longestTtlS };
}

/** Keys and bytes (MEMORY USAGE) under a prefix, by kind (the segment after the prefix). */
export async function redisBreakdown(redis: Redis, prefix: string): Promise<Record<string, { keys: number; bytes: number }>> {
  const out: Record<string, { keys: number; bytes: number }> = {};
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length === 0) continue;
    const p = redis.pipeline();
    for (const key of keys) p.call('MEMORY', 'USAGE', key);
    const sizes = (await p.exec()) ?? [];
    keys.forEach((key, i) => {
      const rest = key.slice(prefix.length + 1);
      const kind = rest.split(':')[0] ?? '?';
      // Queue keys: <queue>:<id> are job hashes; <queue>:<name> are the queue's structures.
      const sub = rest.split(':')[1] ?? '';
      const label = /^(fetch|extract|enrich|index)$/.test(kind) ? `${kind}:${/^[0-9a-f]{32}$/.test(sub) ? 'job' : sub}` : kind;
      const e = (out[label] ??= { keys: 0, bytes: 0 });
      e.keys++;
      e.bytes += Number(sizes[i]?.[1] ?? 0);
    });
  } while (cursor !== '0');
  return out;
}

import type { Redis } from 'ioredis';

export interface Sample {
  atS: number;
  redisUsedMemory: number;
  rssKb: Record<string, number | null>;
}

/**
 * Growth of a series after warm-up: the mean of the last fifth of the samples against the mean
 * of the first fifth (both after warm-up), and the least-squares slope per minute.
 */
export function growth(points: { atS: number; v: number }[]) {
  if (points.length < 2) return { first: null, last: null, growthPct: null, slopePerMin: null, samples: points.length };
  const k = Math.max(1, Math.floor(points.length / 5));
  const mean = (xs: { v: number }[]) => xs.reduce((a, p) => a + p.v, 0) / xs.length;
  const first = mean(points.slice(0, k));
  const last = mean(points.slice(-k));
  const mx = points.reduce((a, p) => a + p.atS, 0) / points.length;
  const my = mean(points);
  const num = points.reduce((a, p) => a + (p.atS - mx) * (p.v - my), 0);
  const den = points.reduce((a, p) => a + (p.atS - mx) ** 2, 0);
  return {
    first: Math.round(first),
    last: Math.round(last),
    growthPct: Math.round(((last - first) / first) * 1000) / 10,
    slopePerMin: den > 0 ? Math.round((num / den) * 60) : null,
    samples: points.length,
  };
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

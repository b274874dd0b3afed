import type { BulkCall } from './bulk-proxy';

/** Bulk traffic per time bucket: requests, documents sent, documents refused with 429. */
export function bulkTimeline(calls: BulkCall[], t0: number, bucketMs = 5000) {
  const buckets = new Map<number, { requests: number; docs: number; rejected: number }>();
  for (const c of calls) {
    const k = Math.floor((c.at - t0) / bucketMs);
    const b = buckets.get(k) ?? { requests: 0, docs: 0, rejected: 0 };
    b.requests++;
    b.docs += c.items;
    b.rejected += c.rejectedIds.length;
    buckets.set(k, b);
  }
  return [...buckets.entries()].sort((a, b) => a[0] - b[0]).map(([k, b]) => ({ fromS: (k * bucketMs) / 1000, ...b }));
}

const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

/**
 * How long the index stage waited before sending a refused document again, by how many times in
 * a row it had been refused: backing off means these waits grow. `waits[k]` holds, for every
 * document refused at least k+1 times, the ms from its (k+1)-th refusal to its next send.
 */
export function retryWaits(calls: BulkCall[]) {
  const byId = new Map<string, { sentAt: number[]; refusedAt: number[] }>();
  for (const c of [...calls].sort((a, b) => a.at - b.at)) {
    for (const id of c.ids) {
      const e = byId.get(id) ?? { sentAt: [], refusedAt: [] };
      e.sentAt.push(c.at);
      byId.set(id, e);
    }
    for (const id of c.rejectedIds) byId.get(id)?.refusedAt.push(c.at + c.ms);
  }
  const waits: number[][] = [];
  for (const { sentAt, refusedAt } of byId.values()) {
    refusedAt.forEach((r, k) => {
      const next = sentAt.find((t) => t >= r);
      if (next === undefined) return;
      (waits[k] ??= []).push(next - r);
    });
  }
  return {
    documentsRefused: [...byId.values()].filter((e) => e.refusedAt.length > 0).length,
    maxRefusalsOfOneDocument: Math.max(0, ...[...byId.values()].map((e) => e.refusedAt.length)),
    medianWaitMsAfterRefusal: waits.map((w, k) => ({ refusal: k + 1, documents: w.length, medianMs: median(w) })),
  };
}

/**
 * After how many 429-answered bulks in a row (k = 1, 2, 3+), how long the index process waited
 * before its next bulk request: counted from the 429 response to the next request that started
 * after it (a request already on the wire is no decision to wait). Compared with the same wait
 * after a clean response, this is the bulk rate backing off under sustained throttling.
 */
export function waitsAfterThrottling(calls: BulkCall[]) {
  const byEnd = [...calls].sort((a, b) => a.at + a.ms - (b.at + b.ms));
  const starts = [...calls].map((c) => c.at).sort((a, b) => a - b);
  const nextStartAfter = (t: number) => starts.find((s) => s > t);
  const runs: number[][] = [[], [], [], []];
  let streak = 0;
  for (const c of byEnd) {
    const end = c.at + c.ms;
    streak = c.rejectedIds.length > 0 ? streak + 1 : 0;
    const next = nextStartAfter(end);
    if (next === undefined) continue;
    (runs[Math.min(streak, 3)] as number[]).push(next - end);
  }
  const row = (xs: number[]) => ({ bulks: xs.length, medianMs: median(xs) });
  return {
    afterClean: row(runs[0] ?? []),
    afterThrottled1: row(runs[1] ?? []),
    afterThrottled2: row(runs[2] ?? []),
    afterThrottled3plus: row(runs[3] ?? []),
  };
}

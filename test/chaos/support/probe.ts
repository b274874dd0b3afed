import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { STAGE_NAMES, type StageName } from '../../support/stage-process';

/** What the index holds, read from the engine itself. */
export interface IndexFigures {
  documents: number;
  distinctUrls: number;
  /** URLs with two documents or more. */
  duplicateUrls: number;
  duplicateExamples: string[];
}

async function engineJson(url: string, init?: RequestInit): Promise<Record<string, unknown>> {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(30_000) });
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

export async function indexFigures(searchUrl: string, alias: string): Promise<IndexFigures> {
  await engineJson(`${searchUrl}/${alias}/_refresh`, { method: 'POST' });
  const count = (await engineJson(`${searchUrl}/${alias}/_count`)) as { count: number };
  const aggs = (await engineJson(`${searchUrl}/${alias}/_search`, {
    method: 'POST',
    body: JSON.stringify({
      size: 0,
      track_total_hits: true,
      aggs: {
        dups: { terms: { field: 'url', min_doc_count: 2, size: 10_000 } },
        // Every URL as its own bucket: an exact count (cardinality is an estimate, and was seen
        // one short on 1,000 URLs). Runs here stay far below the size.
        distinct: { terms: { field: 'url', size: 50_000 } },
      },
    }),
  })) as {
    aggregations: {
      dups: { buckets: { key: string; doc_count: number }[] };
      distinct: { buckets: unknown[]; sum_other_doc_count: number };
    };
  };
  const buckets = aggs.aggregations.dups.buckets;
  return {
    documents: count.count,
    distinctUrls: aggs.aggregations.distinct.sum_other_doc_count === 0 ? aggs.aggregations.distinct.buckets.length : Number.NaN,
    duplicateUrls: buckets.length,
    duplicateExamples: buckets.slice(0, 5).map((b) => `${b.key} ×${b.doc_count}`),
  };
}

export async function dropIndex(searchUrl: string, alias: string): Promise<void> {
  await fetch(`${searchUrl}/${alias}-*`, { method: 'DELETE' }).catch(() => undefined);
  await fetch(`${searchUrl}/_index_template/${alias}-template`, { method: 'DELETE' }).catch(() => undefined);
}

export const REMAINING_STATES = ['active', 'waiting', 'delayed', 'prioritized', 'waiting-children'] as const;

export interface QueueFigures {
  failed: number;
  completed: number;
  /** Jobs not finished: active, waiting, delayed, prioritized, waiting-children. */
  remaining: Record<(typeof REMAINING_STATES)[number], number>;
  /** Failed reasons with their counts (from the failed jobs themselves). */
  failedReasons: Record<string, number>;
}

export type PipelineQueues = Record<StageName, Queue>;

export function openQueues(connection: Redis, prefix: string): PipelineQueues {
  return Object.fromEntries(
    STAGE_NAMES.map((s) => {
      const q = new Queue(s, { connection, prefix });
      // Redis away (scenario 3): the probe retries; do not print every refused connection.
      q.on('error', () => undefined);
      return [s, q];
    }),
  ) as PipelineQueues;
}

export async function closeQueues(q: PipelineQueues): Promise<void> {
  await Promise.all(Object.values(q).map((x) => x.close()));
}

export async function queueFigures(q: PipelineQueues): Promise<Record<StageName, QueueFigures>> {
  const out = {} as Record<StageName, QueueFigures>;
  for (const stage of STAGE_NAMES) {
    const counts = await q[stage].getJobCounts('failed', 'completed', ...REMAINING_STATES);
    const failedReasons: Record<string, number> = {};
    if ((counts.failed ?? 0) > 0) {
      for (const job of await q[stage].getFailed(0, 999)) {
        // Ids and URLs make every reason unique: fold them so reasons group.
        const reason = (job.failedReason ?? '?')
          .replace(/https?:\/\/\S+/g, '<url>')
          .replace(/[0-9a-f]{32}/g, '<id>')
          .slice(0, 160);
        failedReasons[reason] = (failedReasons[reason] ?? 0) + 1;
      }
    }
    out[stage] = {
      failed: counts.failed ?? 0,
      completed: counts.completed ?? 0,
      remaining: Object.fromEntries(REMAINING_STATES.map((s) => [s, counts[s] ?? 0])) as QueueFigures['remaining'],
      failedReasons,
    };
  }
  return out;
}

export function totalRemaining(f: Record<StageName, QueueFigures>): number {
  return STAGE_NAMES.reduce((n, s) => n + Object.values(f[s].remaining).reduce((a, b) => a + b, 0), 0);
}

export function totalFailed(f: Record<StageName, QueueFigures>): number {
  return STAGE_NAMES.reduce((n, s) => n + f[s].failed, 0);
}

/** Ids of the jobs active in a queue right now (read from Redis). */
export async function activeJobIds(q: Queue): Promise<string[]> {
  const jobs = await q.getActive(0, 999);
  return jobs.map((j) => j.id ?? '?');
}

/** BullMQ's own `stalled` events per queue, as they happen (a job whose worker died). */
export interface StallWatch {
  events: { stage: StageName; jobId: string; at: number }[];
  close(): Promise<void>;
}

export async function watchStalls(redisUrl: string, prefix: string): Promise<StallWatch> {
  const events: StallWatch['events'] = [];
  const watchers = STAGE_NAMES.map((stage) => {
    const u = new URL(redisUrl);
    const qe = new QueueEvents(stage, { connection: { host: u.hostname, port: Number(u.port), maxRetriesPerRequest: null }, prefix });
    qe.on('stalled', ({ jobId }) => events.push({ stage, jobId, at: Date.now() }));
    qe.on('error', () => undefined);
    return qe;
  });
  await Promise.all(watchers.map((w) => w.waitUntilReady()));
  return { events, close: async () => void (await Promise.all(watchers.map((w) => w.close()))) };
}

/**
 * How many attempts the retained completed jobs of a queue used (BullMQ 5 counts the successful
 * one in attemptsMade) and how many times they were started (put-offs and stalls count there).
 */
export async function attemptsOfCompleted(q: Queue): Promise<{ attempts: Record<string, number>; starts: Record<string, number> }> {
  const attempts: Record<string, number> = {};
  const starts: Record<string, number> = {};
  for (const job of await q.getCompleted(0, 999)) {
    const a = String(job.attemptsMade ?? 0);
    const st = String(job.attemptsStarted ?? 0);
    attempts[a] = (attempts[a] ?? 0) + 1;
    starts[st] = (starts[st] ?? 0) + 1;
  }
  return { attempts, starts };
}

import { Redis } from 'ioredis';

export interface StageTimings {
  /** Queue wait (added or back to waiting → active), ms, one per pick-up. */
  wait: number[];
  /** Work (active → completed), ms, one per completed job. */
  work: number[];
}

export interface StageTimingsWatch {
  readonly timings: Record<string, StageTimings>;
  stop(): Promise<void>;
}

/**
 * Each stage's queue wait and work time, read from BullMQ's event streams by polling them (one
 * XREAD for every queue, every `everyMs`), with the times the events were written (the stream
 * entry ids). A QueueEvents per queue would do it with a blocking XREAD per event or two: about
 * 14 Redis calls a document, 0.3 ms of Redis' CPU, which the bench would then count as the
 * pipeline's. The streams keep the last 1,000 events a queue: at 4 a job, a poll every quarter
 * second keeps up with 1,000 jobs a second.
 */
export async function watchStageTimings(
  redisUrl: string,
  prefix: string,
  queues: Record<string, string>,
  everyMs = 250,
): Promise<StageTimingsWatch> {
  const redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  const names = Object.keys(queues);
  const keys = names.map((n) => `${prefix}:${queues[n]}:events`);
  // From now on: the events already in the streams are not this run's.
  const lastIds = await Promise.all(keys.map(async (k) => (await redis.xrevrange(k, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0'));
  const timings = Object.fromEntries(names.map((n) => [n, { wait: [] as number[], work: [] as number[] }]));
  const added = names.map(() => new Map<string, number>());
  const active = names.map(() => new Map<string, number>());

  const poll = async () => {
    const reply = (await redis.xread('COUNT', 10_000, 'STREAMS', ...keys, ...lastIds)) ?? [];
    for (const [key, entries] of reply) {
      const i = keys.indexOf(key);
      const name = names[i]!;
      for (const [id, fields] of entries) {
        lastIds[i] = id;
        const at = Number(id.slice(0, id.indexOf('-')));
        const field = (f: string) => fields[fields.indexOf(f) + 1];
        const event = field('event');
        const jobId = field('jobId');
        if (jobId === undefined) continue;
        if (event === 'waiting') {
          added[i]!.set(jobId, at);
        } else if (event === 'active') {
          active[i]!.set(jobId, at);
          const a = added[i]!.get(jobId);
          if (a !== undefined) timings[name]!.wait.push(at - a);
        } else if (event === 'completed') {
          const a = active[i]!.get(jobId);
          if (a !== undefined) timings[name]!.work.push(at - a);
          added[i]!.delete(jobId);
          active[i]!.delete(jobId);
        }
      }
    }
  };
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      await poll().catch(() => undefined);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    timings,
    async stop() {
      stopped = true;
      await loop;
      await poll().catch(() => undefined);
      redis.disconnect();
    },
  };
}

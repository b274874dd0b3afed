import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { articleIdFor } from '@newsflow/contracts';
import { eventually, TEST_REDIS_URL, uniqueName, wipeRedisPrefix } from '../../../test/support/services';
import { createInFlightMarker } from './inflight.marker';
import { silentLogger } from './logger';
import { addStageJob, closeQueueSet, createQueueSet, enqueueArticle, type QueueSet } from './queue.set';
import { createRedisConnection } from './redis.connection';
import { closeWorker, createStageWorker } from './stage.runner';
import { createStatusStore } from './status.store';

// Back-pressure on the real Redis: while the next stage has `maxAhead` jobs waiting, a stage
// takes no new job (it stays waiting, no attempt used, nothing recorded); once the next stage
// catches up, the job runs.
describe('stage runner back-pressure (maxAhead)', () => {
  const prefix = uniqueName('ahead');
  let connection: Redis;
  let queues: QueueSet;
  let worker: Worker | undefined;

  beforeAll(() => {
    connection = createRedisConnection(TEST_REDIS_URL, 'worker');
    queues = createQueueSet(connection, prefix);
  });
  afterAll(async () => {
    if (worker) await closeWorker(worker, 2000);
    await closeQueueSet(queues);
    await connection.quit();
    await wipeRedisPrefix(prefix);
  });

  it('holds a fetch job while extract has maxAhead jobs waiting, then runs it once extract catches up', async () => {
    const waiting = ['a', 'b', 'c'].map((p) => `https://ahead.example.com/${p}`);
    for (const url of waiting) await addStageJob(queues, 'extract', { v: 1, id: articleIdFor(url), url });
    const status = createStatusStore(connection, prefix, 3600);
    const fetched: string[] = [];
    worker = createStageWorker({
      stage: 'fetch',
      handler: async (p) => void fetched.push(p.url),
      connection,
      prefix,
      concurrency: 2,
      queues,
      status,
      inflight: createInFlightMarker(connection, prefix),
      logger: silentLogger(),
      maxAhead: 3,
      holdMs: 200,
    });
    const url = 'https://ahead.example.com/new';
    const id = articleIdFor(url);
    await enqueueArticle(queues, createInFlightMarker(connection, prefix), { id, url });

    // Held: the worker has had several 200 ms turns and each put the job back.
    await new Promise((r) => setTimeout(r, 1500));
    expect(fetched).toEqual([]);
    const held = (await queues.fetch.getJob(id))!;
    // (waiting, or active for the moment a worker looks at it and puts it back)
    expect(['waiting', 'prioritized', 'active']).toContain(await held.getState());
    expect(held.finishedOn).toBeUndefined();
    expect(held.attemptsMade).toBe(0);
    expect((await status.get(id))?.trace ?? []).toEqual([]);

    // Extract takes one: two left, under the mark, so the fetch job runs and extract has three again.
    await (await queues.extract.getJob(articleIdFor(waiting[0]!)))!.remove();
    await eventually('the held fetch job to run', async () => fetched.length === 1);
    expect(fetched).toEqual([url]);
    await eventually('the fetch job to complete', async () => (await queues.fetch.getJob(id))?.finishedOn !== undefined);
    expect(await queues.extract.getJobCountByTypes('waiting')).toBe(3);
  });
});

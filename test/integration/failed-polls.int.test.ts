import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { discoverJob } from '@newsflow/contracts';
import {
  createDiscoverQueue,
  createSourceStore,
  listFailedPolls,
  type DiscoverQueue,
  type FailedJob,
  type SourceStore,
} from '@newsflow/runtime';
import { runCli } from '../support/cli';
import { eventually, TEST_REDIS_URL, uniqueName, wipeRedisPrefix } from '../support/services';

// Failed source polls on the real Redis: listed under their source's id and URL, by the runtime
// and by `newsflow failed --stage discover`; `retry` leaves them to the next scheduled poll.
describe('failed source polls', () => {
  const prefix = uniqueName('polls');
  let redis: Redis;
  let discover: DiscoverQueue;
  let sources: SourceStore;
  let worker: Worker;
  let workerRedis: Redis;
  let followed: { id: string; url: string };
  const gone = 'd'.repeat(32);
  const env = () => ({ REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix });

  beforeAll(async () => {
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    discover = createDiscoverQueue(redis, prefix);
    sources = createSourceStore(redis, prefix);
    followed = (await sources.put('https://news.example/feed.xml', 15 * 60_000)).source;
    // As when Redis fails mid-poll: the one way a poll's job fails.
    workerRedis = redis.duplicate();
    worker = new Worker(
      discoverJob.queue,
      async (): Promise<void> => {
        throw new Error('Connection is closed.');
      },
      { connection: workerRedis, prefix },
    );
    for (const sourceId of [followed.id, gone]) await discover.add('poll', { v: 1, sourceId }, { attempts: 1 });
    await eventually('both polls to fail', async () => (await discover.getFailedCount()) === 2);
  });
  afterAll(async () => {
    await worker?.close();
    workerRedis?.disconnect();
    await discover?.close();
    redis?.disconnect();
    await wipeRedisPrefix(prefix);
  });

  it('lists each under its source, with the reason; a removed source has no URL', async () => {
    const failed = await listFailedPolls(discover, sources);
    expect(failed).toHaveLength(2);
    expect(failed).toContainEqual(
      expect.objectContaining({ id: followed.id, stage: 'discover', url: followed.url, reason: 'Connection is closed.', attempts: 1 }),
    );
    expect(failed).toContainEqual(expect.objectContaining({ id: gone, stage: 'discover', url: '' }));
    expect(failed.every((f) => f.failedAt !== null)).toBe(true);
  });

  it('`newsflow failed --stage discover` prints them, and so does `failed` with no stage', async () => {
    const json = await runCli(['failed', '--stage', 'discover', '--json'], env());
    expect(json.code).toBe(0);
    const lines = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as FailedJob);
    expect(lines.map((f) => `${f.stage} ${f.id} ${f.url}`).sort()).toEqual(
      [`discover ${followed.id} ${followed.url}`, `discover ${gone} `].sort(),
    );
    const text = await runCli(['failed'], env());
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`${followed.id}  discover  ${followed.url}\n    Connection is closed. (after 1 attempt(s), `);
    expect(text.stdout).toContain(`${gone}  discover  (source removed)`);
    expect(text.stderr).toBe('2 failed job(s)\n');
  });

  it('`newsflow retry --stage discover` points to the next poll and `sources poll` instead', async () => {
    const r = await runCli(['retry', '--all', '--stage', 'discover'], env());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/failed source polls are not retried: .*newsflow sources poll ID\|URL/);
    expect(await discover.getFailedCount()).toBe(2);
  });
});

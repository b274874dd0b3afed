import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { articleIdFor, MAX_URL_LENGTH, resolveUrlInput, UrlTooLongError } from '@newsflow/contracts';
import { TEST_REDIS_URL, uniqueName, wipeRedisPrefix } from '../../../test/support/services';
import { enqueueUrl } from './article.enqueuer';
import { createInFlightMarker, type InFlightMarker } from './inflight.marker';
import { closeQueueSet, createQueueSet, enqueueArticle, type QueueSet } from './queue.set';
import { createStatusStore, type StatusStore } from './status.store';

// The enqueue path the API and the CLI share, on the real Redis: what no job can carry is
// refused before anything is written.
describe('enqueueUrl on the real Redis', () => {
  const prefix = uniqueName('enqueuer');
  let redis: Redis;
  let queues: QueueSet;
  let inflight: InFlightMarker;
  let status: StatusStore;

  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
    queues = createQueueSet(redis, prefix);
    inflight = createInFlightMarker(redis, prefix);
    status = createStatusStore(redis, prefix, 60);
  });
  afterAll(async () => {
    await closeQueueSet(queues);
    redis?.disconnect();
    await wipeRedisPrefix(prefix);
  });

  // BullMQ writes each queue's `meta` key on its own when the queue connects: not ours to count.
  const keysUnderPrefix = async () => (await redis.keys(`${prefix}:*`)).filter((k) => !k.endsWith(':meta')).sort();

  it('refuses a URL that grows past the limit once normalised, writing nothing, every time', async () => {
    const url = `https://example.com/${'é'.repeat(4000)}`;
    expect(url.length).toBeLessThan(MAX_URL_LENGTH);
    const { id } = resolveUrlInput(url);
    const before = await keysUnderPrefix();
    for (let i = 0; i < 2; i++) {
      await expect(enqueueUrl(queues, inflight, status, url)).rejects.toThrow(UrlTooLongError);
    }
    expect(await inflight.ageMs(id)).toBeNull();
    expect(await queues.fetch.getJob(id)).toBeUndefined();
    expect(await status.get(id)).toBeNull();
    expect(await keysUnderPrefix()).toEqual(before);
  });

  it('refuses input too long as given, even when it is not a URL (it could not be tracked as a failing job)', async () => {
    await expect(enqueueUrl(queues, inflight, status, `not a url ${'x'.repeat(MAX_URL_LENGTH)}`)).rejects.toThrow(
      /more than the 8192 allowed/,
    );
    expect(await keysUnderPrefix()).toEqual([]);
  });

  it('validates the job before taking the marker when called directly too', async () => {
    const url = `https://example.com/${'a'.repeat(MAX_URL_LENGTH)}`;
    const id = articleIdFor(url);
    await expect(enqueueArticle(queues, inflight, { id, url })).rejects.toThrow();
    expect(await inflight.ageMs(id)).toBeNull();
  });

  it('still queues a URL within the limit, and an invalid one to fail with its reason', async () => {
    const ok = await enqueueUrl(queues, inflight, status, `https://example.com/${'a'.repeat(8000)}`);
    expect(ok).toMatchObject({ outcome: 'queued', invalid: null });
    expect(await inflight.ageMs(ok.id)).not.toBeNull();
    const bad = await enqueueUrl(queues, inflight, status, 'mailto:someone@example.com');
    expect(bad.outcome).toBe('queued');
    expect(bad.invalid).toMatch(/only http and https/);
  });
});

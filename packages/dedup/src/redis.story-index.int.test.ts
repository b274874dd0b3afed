import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL, uniqueName, wipeRedisPrefix } from '../../../test/support/services';
import { createMemoryStoryIndex } from './memory.story-index';
import { createRedisStoryIndex } from './redis.story-index';
import { createFingerprinter } from './story.fingerprint';
import { DEFAULT_STORY_PARAMS, paramsTag } from './story.params';
import { SAME_TOPIC, STORY } from './testing/story.texts';

const fingerprint = createFingerprinter();
const copy = (n: number) => `Headline number ${n}\n\n${STORY}\n\nShare this article (${n})`;

describe('the story index on the real Redis', () => {
  let redis: Redis;
  const prefixes: string[] = [];
  const open = (over: { maxPerBand?: number } = {}) => {
    const prefix = uniqueName('story');
    prefixes.push(prefix);
    return { prefix, index: createRedisStoryIndex({ redis, prefix, params: DEFAULT_STORY_PARAMS, windowSeconds: 3600, ...over }) };
  };

  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 2 });
  });
  afterAll(async () => {
    for (const p of prefixes) await wipeRedisPrefix(p);
    redis.disconnect();
  });

  it('gives copies the first copy’s id as story and a distinct article its own', async () => {
    const { index } = open();
    expect(await index.assign('a', fingerprint(STORY))).toEqual({ storyId: 'a', matchedId: null, similarity: null });
    const b = await index.assign('b', fingerprint(copy(1)));
    expect(b).toMatchObject({ storyId: 'a', matchedId: 'a' });
    expect(b.similarity).toBeGreaterThan(0.7);
    expect(await index.assign('c', fingerprint(SAME_TOPIC))).toMatchObject({ storyId: 'c', matchedId: null });
    expect(await index.assign('d', fingerprint(copy(2)))).toMatchObject({ storyId: 'a' });
  });

  it('decides as the in-memory index does, document by document', async () => {
    const { index } = open();
    const memory = createMemoryStoryIndex({ params: DEFAULT_STORY_PARAMS, maxPerBand: 16 });
    const texts = [
      SAME_TOPIC,
      copy(1),
      STORY,
      `${SAME_TOPIC}\n\nAdvertisement`,
      copy(2),
      STORY.split('\n\n').slice(1).join('\n\n'),
      'too short to tell',
    ];
    for (const [i, text] of texts.entries()) {
      const fp = fingerprint(text);
      expect(await index.assign(`doc${i}`, fp)).toEqual(await memory.assign(`doc${i}`, fp));
    }
  });

  it('finds one story for two copies indexed at the same moment', async () => {
    const { index } = open();
    const [x, y] = await Promise.all([index.assign('x', fingerprint(copy(1))), index.assign('y', fingerprint(copy(2)))]);
    expect(x.storyId).toBe(y.storyId);
  });

  it('keeps a document’s story when it is indexed again', async () => {
    const { index } = open();
    await index.assign('a', fingerprint(STORY));
    await index.assign('b', fingerprint(copy(1)));
    expect((await index.assign('b', fingerprint(copy(1)))).storyId).toBe('a');
    expect((await index.assign('a', fingerprint(STORY))).storyId).toBe('a');
  });

  it('keeps its keys bounded and expiring', async () => {
    const { prefix, index } = open({ maxPerBand: 2 });
    for (const id of ['a', 'b', 'c']) await index.assign(id, fingerprint(copy(0)));
    const base = `${prefix}:story:${paramsTag(DEFAULT_STORY_PARAMS)}`;
    const bands = fingerprint(copy(0))!.bands.map((b) => `${base}:band:${b}`);
    for (const key of bands) {
      expect(await redis.zrange(key, '0', '-1')).toEqual(['b', 'c']); // the latest two
      const ttl = await redis.ttl(key);
      expect(ttl).toBeGreaterThan(3500);
      expect(ttl).toBeLessThanOrEqual(3600);
    }
    expect(await redis.hget(`${base}:doc:c`, 'story')).toBe('a');
    expect(await redis.ttl(`${base}:doc:c`)).toBeGreaterThan(3500);
  });

  it('writes nothing for a text without fingerprint', async () => {
    const { prefix, index } = open();
    expect(await index.assign('short', null)).toEqual({ storyId: 'short', matchedId: null, similarity: null });
    expect(await redis.keys(`${prefix}:*`)).toEqual([]);
  });
});

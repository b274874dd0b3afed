import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { Enrichment } from '@newsflow/nlp';
import { TEST_REDIS_URL, uniqueName, wipeRedisPrefix } from '../../../test/support/services';
import { applyNameRegistry, createRedisNameRegistry } from './name.registry';

const person = (name: string, ...mentions: string[]) => ({
  name,
  type: 'PERSON' as const,
  mentions: mentions.map((text) => ({ text, start: 0, end: text.length })),
});
const enrichment = (entities: Enrichment['entities'], speaker: string | null = null): Enrichment => ({
  entities,
  quotes: speaker ? [{ text: 'We will see.', start: 0, end: 12, kind: 'direct', cue: 'said', speaker, speakerType: 'PERSON' }] : [],
});

describe('name registry on the real Redis', () => {
  const prefix = uniqueName('names');
  const redis = new Redis(TEST_REDIS_URL);
  const registry = createRedisNameRegistry(redis, prefix);
  afterAll(async () => {
    await wipeRedisPrefix(prefix);
    redis.disconnect();
  });

  it('a lone family name is indexed under the one full name other articles gave it, with its quotes', async () => {
    await applyNameRegistry(enrichment([person('Marta Kowalczyk', 'Marta Kowalczyk', 'Kowalczyk')]), registry);
    const out = await applyNameRegistry(enrichment([person('Kowalczyk', 'Kowalczyk')], 'Kowalczyk'), registry);
    expect(out.entities[0]!.name).toBe('Marta Kowalczyk');
    expect(out.entities[0]!.mentions.map((m) => m.text)).toEqual(['Kowalczyk']);
    expect(out.quotes[0]!.speaker).toBe('Marta Kowalczyk');
  });

  it('a family name two people share stays as written', async () => {
    await applyNameRegistry(enrichment([person('Tomas Lindqvist', 'Tomas Lindqvist')]), registry);
    await applyNameRegistry(enrichment([person('Elin Lindqvist', 'Elin Lindqvist')]), registry);
    const out = await applyNameRegistry(enrichment([person('Lindqvist', 'Lindqvist')], 'Lindqvist'), registry);
    expect(out.entities[0]!.name).toBe('Lindqvist');
    expect(out.quotes[0]!.speaker).toBe('Lindqvist');
  });

  it('keeps each family name bounded and expiring', async () => {
    for (let i = 0; i < 12; i++) await registry.record([`Given${i} Okonkwo`]);
    expect(await redis.zcard(`${prefix}:names:okonkwo`)).toBeLessThanOrEqual(8);
    expect(await redis.ttl(`${prefix}:names:okonkwo`)).toBeGreaterThan(0);
  });
});

import type { Redis } from 'ioredis';
import type { Enrichment } from '@newsflow/nlp';

/**
 * Full personal names seen across articles, by family name, so that an article that only says
 * "Trump" is indexed under "Donald Trump" when that is the one person of that name the index
 * knows. A port: the Redis registry below in the service, an in-memory one in unit tests.
 */
export interface NameRegistry {
  /** Records the full names (two words or more) of people named in one article. */
  record(fullNames: readonly string[]): Promise<void>;
  /** For each one-word name, the one full name known for it, when there is exactly one. */
  resolve(shortNames: readonly string[]): Promise<Map<string, string>>;
}

/** How many distinct full names a family name keeps; past it the name is ambiguous anyway. */
const MAX_PER_NAME = 8;
/** A family name nobody has written for this long is forgotten: the registry stays bounded. */
const TTL_SECONDS = 90 * 24 * 3600;

const keyWord = (w: string): string => w.normalize('NFKC').toLowerCase().replace(/[’‘]/g, "'");

/** The registry in Redis: one small sorted set per family name (full name → articles seen). */
export function createRedisNameRegistry(redis: Redis, prefix: string): NameRegistry {
  const key = (word: string) => `${prefix}:names:${keyWord(word)}`;
  return {
    async record(fullNames) {
      if (fullNames.length === 0) return;
      const multi = redis.multi();
      for (const name of new Set(fullNames)) {
        const words = name.split(/\s+/);
        // the family name is last or, in Chinese and Korean names, first: both point to the person
        for (const w of new Set([words[0]!, words[words.length - 1]!])) {
          multi.zincrby(key(w), 1, name);
          multi.zremrangebyrank(key(w), 0, -(MAX_PER_NAME + 1));
          multi.expire(key(w), TTL_SECONDS);
        }
      }
      await multi.exec();
    },
    async resolve(shortNames) {
      const out = new Map<string, string>();
      const names = [...new Set(shortNames)];
      if (names.length === 0) return out;
      const multi = redis.multi();
      for (const n of names) multi.zrange(key(n), '0', '1');
      const results = (await multi.exec()) ?? [];
      names.forEach((n, i) => {
        const [err, members] = results[i] ?? [null, []];
        if (!err && Array.isArray(members) && members.length === 1) out.set(n, members[0] as string);
      });
      return out;
    },
  };
}

/**
 * Puts a one-word PERSON under the full name the registry knows for it, when the article itself
 * names nobody in full by that word (the article's own full name always wins), and records the
 * article's full names. Quotes follow their speaker's new name.
 */
export async function applyNameRegistry(enrichment: Enrichment, registry: NameRegistry): Promise<Enrichment> {
  const people = enrichment.entities.filter((e) => e.type === 'PERSON');
  const full = people.filter((e) => e.name.trim().includes(' ')).map((e) => e.name);
  const short = people.filter((e) => !e.name.trim().includes(' ')).map((e) => e.name);
  const [found] = await Promise.all([registry.resolve(short), registry.record(full)]);
  if (found.size === 0) return enrichment;
  const taken = new Set(enrichment.entities.map((e) => `${e.type}|${e.name}`));
  const rename = new Map<string, string>();
  for (const [from, to] of found) if (!taken.has(`PERSON|${to}`)) rename.set(from, to);
  if (rename.size === 0) return enrichment;
  return {
    ...enrichment,
    entities: enrichment.entities.map((e) => (e.type === 'PERSON' && rename.has(e.name) ? { ...e, name: rename.get(e.name)! } : e)),
    quotes: enrichment.quotes.map((q) =>
      q.speakerType === 'PERSON' && q.speaker && rename.has(q.speaker) ? { ...q, speaker: rename.get(q.speaker)! } : q,
    ),
  };
}

import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { envSchema } from './config.schema';

const SETTING = /^#?\s?([A-Z][A-Z0-9_]*)=(.*)$/;

// .env.example at the repository root documents every setting: docker compose reads it (as
// .env), people copy it. A setting added to the schema without a line there fails here.
describe('.env.example', () => {
  const lines = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8').split('\n');
  const listed = new Map(lines.flatMap((l) => (SETTING.test(l) ? [[SETTING.exec(l)![1]!, SETTING.exec(l)![2]!] as const] : [])));
  const keys = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[];

  it('lists every setting packages/config reads', () => {
    expect(keys.filter((k) => !listed.has(k))).toEqual([]);
  });

  it('gives each its real default (empty for none)', () => {
    const wrong = keys.filter((k) => {
      const schema = envSchema.shape[k];
      const written = listed.get(k);
      const documented = schema.safeParse(written === '' ? undefined : written);
      return !documented.success || !isDeepStrictEqual(documented.data, schema.safeParse(undefined).data);
    });
    expect(wrong).toEqual([]);
  });

  it('says in a comment line above each what it is', () => {
    const bare = lines.flatMap((l, i) =>
      SETTING.test(l) && !(/^# \S/.test(lines[i - 1] ?? '') && !SETTING.test(lines[i - 1]!)) ? [l] : [],
    );
    expect(bare).toEqual([]);
  });
});

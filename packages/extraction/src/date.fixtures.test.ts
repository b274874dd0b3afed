import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDocument } from './dom.factory';
import { readMetadata } from './metadata.reader';
import type { DomChoice } from './article.types';

/**
 * Small pages of our own, one per date source and language (fixtures/dates/<name>.html), each
 * with what must be read from it beside it (<name>.expected.json).
 */
interface Expected {
  url: string;
  publishedAt: string | null;
  modifiedAt: string | null;
  sources: { publishedAt?: string; modifiedAt?: string };
  lang: string | null;
  langTag: string | null;
}

const dir = fileURLToPath(new URL('../fixtures/dates/', import.meta.url));
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -5))
  .sort();

describe.each<DomChoice>(['jsdom', 'linkedom'])('page dates with %s', (dom) => {
  it.each(names)('%s', (name) => {
    const spec = JSON.parse(readFileSync(`${dir}${name}.expected.json`, 'utf8')) as Expected;
    const meta = readMetadata(createDocument(readFileSync(`${dir}${name}.html`, 'utf8'), spec.url, dom), spec.url);
    expect({
      publishedAt: meta.publishedAt,
      modifiedAt: meta.modifiedAt,
      sources: { publishedAt: meta.sources.publishedAt, modifiedAt: meta.sources.modifiedAt },
      lang: meta.lang,
      langTag: meta.langTag,
    }).toEqual({
      publishedAt: spec.publishedAt,
      modifiedAt: spec.modifiedAt,
      sources: { publishedAt: spec.sources.publishedAt, modifiedAt: spec.sources.modifiedAt },
      lang: spec.lang,
      langTag: spec.langTag,
    });
  });
});

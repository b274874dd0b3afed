import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExtractionError, extractArticle, foldText } from './index';
import type { DomChoice } from './index';

/** Saved pages with their expected output beside them: <name>.html + <name>.expected.json. */
interface Expected {
  url: string;
  error?: 'no-article' | 'not-html' | 'too-large';
  expect?: Record<string, unknown>;
  paragraphs?: number;
  textStartsWith?: string;
  textEndsWith?: string;
  textContains?: string[];
  mustNotContain?: string[];
}

const dir = fileURLToPath(new URL('../../../test/fixtures/pages/', import.meta.url));
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -5))
  .sort();

describe.each<DomChoice>(['jsdom', 'linkedom'])('fixture pages with %s', (dom) => {
  it.each(names)('%s', (name) => {
    const html = readFileSync(`${dir}${name}.html`, 'utf8');
    const spec = JSON.parse(readFileSync(`${dir}${name}.expected.json`, 'utf8')) as Expected;
    if (spec.error) {
      let caught: unknown;
      try {
        extractArticle(html, { url: spec.url, dom });
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(ExtractionError);
      expect((caught as ExtractionError).code).toBe(spec.error);
      expect((caught as ExtractionError).permanent).toBe(true);
      return;
    }
    const article = extractArticle(html, { url: spec.url, dom });
    expect(article).toMatchObject(spec.expect ?? {});
    const folded = foldText(article.text);
    if (spec.paragraphs !== undefined) expect(article.text.split('\n\n')).toHaveLength(spec.paragraphs);
    if (spec.textStartsWith) expect(article.text.startsWith(spec.textStartsWith)).toBe(true);
    if (spec.textEndsWith) expect(article.text.endsWith(spec.textEndsWith)).toBe(true);
    for (const s of spec.textContains ?? []) expect(article.text).toContain(s);
    for (const s of spec.mustNotContain ?? []) expect(folded, s).not.toContain(foldText(s));
    expect(article.html).not.toMatch(/<script|<style|<iframe|<form|\son\w+=/i);
    expect(article.wordCount).toBeGreaterThan(40);
  });
});

describe('refusals', () => {
  it('refuses what is not HTML', () => {
    expect(() => extractArticle('%PDF-1.7 binary', { url: 'https://x.example/a.pdf' })).toThrow(
      expect.objectContaining({ code: 'not-html' }),
    );
  });
  it('refuses pages above the size limit', () => {
    expect(() => extractArticle(`<html>${'x'.repeat(2000)}</html>`, { url: 'https://x.example/', maxChars: 1000 })).toThrow(
      expect.objectContaining({ code: 'too-large' }),
    );
  });
  it('calls a short page no article', () => {
    expect(() => extractArticle('<html><body><article><p>Just a line.</p></article></body></html>', { url: 'https://x.example/' })).toThrow(
      expect.objectContaining({ code: 'no-article' }),
    );
  });
});

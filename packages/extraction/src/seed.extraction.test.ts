import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle, foldText } from './index';
import type { DomChoice } from './index';

const seedDir = fileURLToPath(new URL('../../../test/fixtures/seed/', import.meta.url));
const html = readFileSync(`${seedDir}seed.html`, 'utf8');
const gold = JSON.parse(readFileSync(`${seedDir}seed-gold.json`, 'utf8')) as {
  article: {
    title: string;
    site_name: string;
    body_first_sentence: string;
    body_last_sentence: string;
    body_paragraphs: number;
    must_not_contain: string[];
    caption: string;
  };
};
const url = 'https://www.thenewdaily.com.au/news/world/2024/04/27/blinken-china-russia-war';

describe.each<DomChoice>(['jsdom', 'linkedom'])('seed article with %s', (dom) => {
  const article = extractArticle(html, { url, dom });
  const folded = foldText(article.text);

  it('reads the title and site name', () => {
    expect(article.title).toBe(gold.article.title);
    expect(article.siteName).toBe(gold.article.site_name);
  });

  it('starts and ends the body where the answer key says', () => {
    expect(folded.startsWith(foldText(gold.article.body_first_sentence))).toBe(true);
    expect(folded.endsWith(foldText(gold.article.body_last_sentence))).toBe(true);
  });

  it('keeps the 24 body paragraphs, separated by blank lines', () => {
    expect(article.text.split('\n\n')).toHaveLength(gold.article.body_paragraphs);
  });

  it('leaves out the boilerplate', () => {
    for (const phrase of gold.article.must_not_contain) {
      expect(folded, phrase).not.toContain(foldText(phrase));
    }
    expect(folded).not.toContain(foldText('Related articles'));
    expect(folded).not.toContain(foldText('Read more'));
    expect(folded).not.toContain('cookies');
  });

  it('keeps the caption as image metadata only', () => {
    expect(folded).not.toContain(foldText(gold.article.caption));
    expect(article.image?.caption).toBe(gold.article.caption);
    expect(article.image?.url).toMatch(/blinken-xi-getty\.jpg$/);
  });

  it('never runs the page scripts', () => {
    expect(article.text).not.toContain('SCRIPT-RAN');
    expect(article.html).not.toContain('SCRIPT-RAN');
    expect(article.title).not.toContain('SCRIPT-RAN');
    expect(article.html).not.toMatch(/<script|<style|<iframe|<form|\son\w+=/i);
  });

  it('reads metadata with its source', () => {
    expect(article.lang).toBe('en');
    expect(article.langTag).toBe('en-AU');
    expect(article.canonicalUrl).toBe(url);
    expect(article.publishedAt).toBe('2024-04-27T14:12:31+10:00'); // the hour and zone the page gives
    expect(article.authors).toEqual(['Reuters']);
    expect(article.access).toBe('free');
    expect(article.sources).toMatchObject({ title: 'jsonld', siteName: 'opengraph', publishedAt: 'jsonld', image: 'opengraph' });
  });
});

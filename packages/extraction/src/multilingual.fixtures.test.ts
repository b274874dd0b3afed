import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle, foldText } from './index';
import type { DomChoice } from './index';

/**
 * Our own news pages, one per covered language: navigation, cookie banner, breadcrumbs, byline,
 * dateline, share bar, photo credit, a read-also line, newsletter box, tags, related links and
 * comments around a body with a heading, a list and a table of figures. Beside each page: the
 * clean text expected (<lang>.expected.txt) and the furniture that must be gone (.expected.json).
 */
interface Expected {
  url: string;
  lang: string;
  title: string;
  boilerplate: string[];
}

const dir = fileURLToPath(new URL('../fixtures/multilingual/', import.meta.url));
const langs = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -5))
  .sort();

describe('the covered languages each have a page', () => {
  it('en, de, fr, es, it, pt, pl, nl', () => {
    expect(langs).toEqual(['de', 'en', 'es', 'fr', 'it', 'nl', 'pl', 'pt']);
  });
});

describe.each<DomChoice>(['linkedom', 'jsdom'])('multilingual pages with %s', (dom) => {
  it.each(langs)('%s: the whole body, none of the furniture', (lang) => {
    const html = readFileSync(`${dir}${lang}.html`, 'utf8');
    const spec = JSON.parse(readFileSync(`${dir}${lang}.expected.json`, 'utf8')) as Expected;
    const expectedText = readFileSync(`${dir}${lang}.expected.txt`, 'utf8').trim();

    const article = extractArticle(html, { url: spec.url, dom });

    expect(article.title).toBe(spec.title);
    expect(article.lang).toBe(spec.lang);
    expect(article.text).toBe(expectedText);
    const folded = foldText(article.text);
    for (const furniture of spec.boilerplate) expect(folded, furniture).not.toContain(foldText(furniture));
    // The heading, the list and the table stay in the HTML too, for readers and for Markdown.
    expect(article.html).toMatch(/<h2[\s>]/);
    expect(article.html).toMatch(/<(?:ul|ol)[\s>]/);
    expect(article.html).toMatch(/<table[\s>]/);
    expect(article.html.match(/<tr[\s>]/g)?.length).toBe(4);
  });
});

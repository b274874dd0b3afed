import { parseAuthors } from './author.parser';

/**
 * Author names shown on the page itself, for pages whose metadata names nobody.
 * Read before furniture removal, which takes byline blocks out of the body.
 */
const BYLINE_SELECTORS = [
  '[itemprop~="author"] [itemprop~="name"]',
  '[itemprop~="author"]',
  'a[rel~="author"]',
  '[class~="author"] [class~="fn"]',
  '[class~="byline"] a',
  '[class~="byline"]',
  '[class~="author-name"]',
  '[class~="author"]',
];

export function readPageByline(doc: Document): string[] {
  for (const selector of BYLINE_SELECTORS) {
    const texts = Array.from(doc.querySelectorAll(selector))
      .slice(0, 6)
      .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter((t) => t.length > 0 && t.length < 120);
    const authors = parseAuthors(texts);
    if (authors.length > 0) return authors;
  }
  return [];
}

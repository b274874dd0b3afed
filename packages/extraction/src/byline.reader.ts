import { parseAuthors } from './author.parser';

/**
 * Author names shown on the page itself, for pages whose metadata names nobody.
 * Read before furniture removal, which takes byline blocks out of the body.
 */
const hasWord = (value: string | null, word: string) => (value ?? '').toLowerCase().split(/\s+/).includes(word);

/**
 * Candidate author elements, most specific first. Tag and class lookups rather than
 * attribute selectors, which jsdom's selector engine evaluates slowly.
 */
function candidates(doc: Document): (() => Element[])[] {
  const itemprops = () => Array.from(doc.querySelectorAll('[itemprop]'));
  return [
    () => itemprops().filter((el) => hasWord(el.getAttribute('itemprop'), 'name') && el.parentElement?.closest('[itemprop~="author"]')),
    () => itemprops().filter((el) => hasWord(el.getAttribute('itemprop'), 'author')),
    () => Array.from(doc.getElementsByTagName('a')).filter((a) => hasWord(a.getAttribute('rel'), 'author')),
    () => Array.from(doc.getElementsByClassName('author')).flatMap((el) => Array.from(el.getElementsByClassName('fn'))),
    () => Array.from(doc.getElementsByClassName('byline')).flatMap((el) => Array.from(el.getElementsByTagName('a'))),
    () => Array.from(doc.getElementsByClassName('byline')),
    () => Array.from(doc.getElementsByClassName('author-name')),
    () => Array.from(doc.getElementsByClassName('author')),
  ];
}

export function readPageByline(doc: Document, siteName: string | null = null): string[] {
  for (const find of candidates(doc)) {
    const texts = find()
      .slice(0, 6)
      .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter((t) => t.length > 0 && t.length < 120);
    const authors = parseAuthors(texts, siteName);
    if (authors.length > 0) return authors;
  }
  return [];
}

import { parseHTML } from 'linkedom';
import { sharedJsdomWindow } from './jsdom.window';

export type DomChoice = 'jsdom' | 'linkedom';

/**
 * Gives the document the page's address. Neither a shared DOMParser nor linkedom knows it,
 * and Readability resolves relative links against baseURI and documentURI.
 */
function setAddress(document: Document, url: string): Document {
  const base = document.getElementsByTagName('base')[0]?.getAttribute('href');
  let baseURI = url;
  if (base) {
    try {
      baseURI = new URL(base, url).href;
    } catch {
      // a broken <base> is ignored, as browsers do
    }
  }
  Object.defineProperty(document, 'baseURI', { value: baseURI, configurable: true });
  Object.defineProperty(document, 'documentURI', { value: url, configurable: true });
  return document;
}

/** Pages parsed by jsdom share a window (see sharedJsdomWindow). */
const jsdomParser = sharedJsdomWindow((window) => new window.DOMParser());

function jsdomDocument(html: string, url: string): Document {
  return setAddress(jsdomParser().parseFromString(html, 'text/html'), url);
}

function linkedomDocument(html: string, url: string): Document {
  const { document } = parseHTML(html);
  return setAddress(document as unknown as Document, url);
}

/** Elements that are never article text and must never act: removed right after parsing. */
const INERT_SELECTOR = 'script:not([type="application/ld+json"]), style, svg, nav, select, template, noscript';

/**
 * Removes inert markup from a parsed document. Done on the DOM rather than with patterns on
 * the HTML text: a pattern cannot tell a `<svg` or `<script` inside an attribute value
 * (`content="… <svg onload=…>"`) from a real tag, and would cut the page apart there.
 */
function removeInert(document: Document): Document {
  for (const el of Array.from(document.querySelectorAll(INERT_SELECTOR))) el.remove();
  const walker = document.createTreeWalker(document, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) comments.push(n);
  for (const c of comments) c.parentNode?.removeChild(c);
  return document;
}

/** The one place that decides which DOM implementation parses a page. */
export function createDocument(html: string, url: string, choice: DomChoice = 'jsdom'): Document {
  return removeInert(choice === 'linkedom' ? linkedomDocument(html, url) : jsdomDocument(html, url));
}

import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';

export type DomChoice = 'jsdom' | 'linkedom';

/**
 * Inert markup removal before parsing. Page scripts must never run and stylesheets are
 * never needed for extraction; jsdom 29 also throws on some malformed <style> bodies.
 * JSON-LD blocks are kept because metadata is read from them.
 */
const SCRIPT_RE = /<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi;
const STYLE_RE = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;
const SVG_RE = /<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi;
/** Menus and option lists are never article text; dropping them early saves parse time. */
const FURNITURE_RE = /<(nav|select|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT_RE = /<!--[\s\S]*?-->/g;
const JSON_LD_TYPE_RE = /\btype\s*=\s*["']?application\/ld\+json/i;

export function stripInertMarkup(html: string): string {
  // Scripts first: their bodies may hold '<!--' or '<style' inside strings.
  return html
    .replace(SCRIPT_RE, (whole, attrs: string) => (JSON_LD_TYPE_RE.test(attrs) ? whole : ''))
    .replace(COMMENT_RE, '')
    .replace(STYLE_RE, '')
    .replace(SVG_RE, '')
    .replace(FURNITURE_RE, '');
}

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

let sharedParser: DOMParser | null = null;

/**
 * One jsdom window, created once, parses every page: building a window per page cost about
 * a third of parse time. The window has no runScripts and no resources, so jsdom neither
 * executes scripts nor fetches anything; its virtual console swallows CSS parse errors.
 */
function jsdomDocument(html: string, url: string): Document {
  if (!sharedParser) {
    const { window } = new JSDOM('', { url: 'about:blank', virtualConsole: new VirtualConsole() });
    sharedParser = new window.DOMParser();
  }
  return setAddress(sharedParser.parseFromString(html, 'text/html'), url);
}

function linkedomDocument(html: string, url: string): Document {
  const { document } = parseHTML(html);
  return setAddress(document as unknown as Document, url);
}

/** The one place that decides which DOM implementation parses a page. */
export function createDocument(html: string, url: string, choice: DomChoice = 'jsdom'): Document {
  const cleaned = stripInertMarkup(html);
  return choice === 'linkedom' ? linkedomDocument(cleaned, url) : jsdomDocument(cleaned, url);
}

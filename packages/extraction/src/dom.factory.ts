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
const COMMENT_RE = /<!--[\s\S]*?-->/g;
const JSON_LD_TYPE_RE = /\btype\s*=\s*["']?application\/ld\+json/i;

export function stripInertMarkup(html: string): string {
  // Scripts first: their bodies may hold '<!--' or '<style' inside strings.
  return html
    .replace(SCRIPT_RE, (whole, attrs: string) => (JSON_LD_TYPE_RE.test(attrs) ? whole : ''))
    .replace(COMMENT_RE, '')
    .replace(STYLE_RE, '')
    .replace(SVG_RE, '');
}

/** jsdom reports CSS and other parse problems here; they are never fatal for us. */
const silentConsole = new VirtualConsole();

function jsdomDocument(html: string, url: string): Document {
  // No runScripts and no resources: jsdom then neither executes scripts nor fetches anything.
  const dom = new JSDOM(html, { url, virtualConsole: silentConsole });
  return dom.window.document;
}

function linkedomDocument(html: string, url: string): Document {
  const { document } = parseHTML(html);
  // linkedom has no notion of the page address; Readability resolves links against these.
  const base = document.querySelector('base[href]')?.getAttribute('href');
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
  return document as unknown as Document;
}

/** The one place that decides which DOM implementation parses a page. */
export function createDocument(html: string, url: string, choice: DomChoice = 'jsdom'): Document {
  const cleaned = stripInertMarkup(html);
  return choice === 'linkedom' ? linkedomDocument(cleaned, url) : jsdomDocument(cleaned, url);
}

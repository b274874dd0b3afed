import sax from 'sax';
import { MAX_URL_LENGTH } from '@newsflow/contracts';
import { DocumentProblem } from '../read/document.problem';
import { changedAtOf, checkLink, itemForLink, type DocumentItem } from './found';

/**
 * A streaming XML reader (sax, strict mode) that
 * - refuses a document whose DOCTYPE declares entities: sax never expands them, but a
 *   document that declares any is an entity-expansion or external-entity attack or broken, and
 *   is said to be refused rather than read with the references left in;
 * - learns the root element (urlset, sitemapindex, rss, RDF, feed, html…);
 * - for sitemaps, yields each <url> and <sitemap> as soon as it closes, holding nothing else, so
 *   a 50 MB sitemap is read in the memory of one entry.
 * Feeds are only checked for well-formedness here; the feed parser reads them whole.
 */
export interface XmlReader {
  /** Reads more of the document; returns the items it completed. Throws DocumentProblem. */
  write(text: string): DocumentItem[];
  /** The end of the document; throws DocumentProblem when it is cut short. */
  end(): DocumentItem[];
  /** The root element's local name in lower case, once seen ("urlset", "rss", "rdf", "feed"…). */
  root(): string | null;
}

// What an entry's fields may hold: a URL job-length at most, anything else a date or a title.
const FIELD_CAP = { loc: MAX_URL_LENGTH + 1, lastmod: 100, publication_date: 100, title: 500 } as const;
type Field = keyof typeof FIELD_CAP;

interface Entry {
  loc: string;
  lastmod: string;
  publication_date: string;
  title: string;
}
const emptyEntry = (): Entry => ({ loc: '', lastmod: '', publication_date: '', title: '' });

const localName = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();

export function createXmlReader(): XmlReader {
  // Strict: a sitemap or feed is XML, and a parser that guesses hides broken documents.
  // Named HTML entities (&nbsp;) are read from sax's fixed table; nothing a document declares is.
  const parser = sax.parser(true, { trim: false, normalize: false, position: true });
  const stack: string[] = [];
  let root: string | null = null;
  let entry = emptyEntry();
  let field: Field | null = null;
  let out: DocumentItem[] = [];

  // Where in a sitemap a text belongs: only these paths are read, so an <image:loc> inside a
  // <url> (depth 4) is never taken for the page's <loc> (depth 3).
  const fieldAt = (): Field | null => {
    const [top, item, a, b] = stack;
    const isEntry = (top === 'urlset' && item === 'url') || (top === 'sitemapindex' && item === 'sitemap');
    if (!isEntry) return null;
    if (stack.length === 3 && (a === 'loc' || a === 'lastmod')) return a;
    if (stack.length === 4 && a === 'news' && (b === 'publication_date' || b === 'title')) return b;
    return null;
  };
  const append = (text: string) => {
    if (field === null) return;
    const now = entry[field];
    if (now.length < FIELD_CAP[field]) entry[field] = now + text.slice(0, FIELD_CAP[field] - now.length);
  };

  parser.ondoctype = (doctype: string) => {
    if (/<!ENTITY/i.test(doctype)) {
      throw new DocumentProblem(
        'entities',
        'declares entities in its DOCTYPE (<!ENTITY …>), which newsflow never expands (entity expansion and external entities are refused)',
      );
    }
  };
  parser.onopentag = (tag) => {
    const name = localName(tag.name);
    if (root === null) root = name;
    stack.push(name);
    if (stack.length === 2) entry = emptyEntry();
    field = fieldAt();
  };
  parser.ontext = append;
  parser.oncdata = append;
  parser.onclosetag = () => {
    const closing = stack.pop();
    field = fieldAt();
    if (stack.length !== 1) return;
    const date = changedAtOf(entry.lastmod, entry.publication_date);
    if (root === 'urlset' && closing === 'url') {
      if (entry.loc.trim() === '') out.push({ type: 'skipped', link: '(a <url> without <loc>)', why: 'not-a-url' });
      else out.push(withTitle(itemForLink(entry.loc, null, date), entry.title));
    } else if (root === 'sitemapindex' && closing === 'sitemap') {
      const link = checkLink(entry.loc, null);
      out.push(
        link.ok
          ? { type: 'sitemap', url: link.url, changedAt: date }
          : { type: 'skipped', link: entry.loc.trim().slice(0, 200), why: link.why },
      );
    }
  };
  parser.onerror = (err: Error) => {
    const reason = err.message.split('\n')[0] ?? err.message;
    throw new DocumentProblem('malformed', `is not well-formed XML (line ${parser.line + 1}, column ${parser.column}: ${reason})`);
  };

  const take = () => {
    const items = out;
    out = [];
    return items;
  };
  // A problem is raised on the call after the one that met it, so that the entries completed
  // before it (in the same piece of text) are still handed out.
  let problem: unknown = null;
  const run = (step: () => void): DocumentItem[] => {
    if (problem !== null) throw problem;
    try {
      step();
    } catch (err) {
      problem = err;
    }
    return take();
  };
  return {
    write: (text) => run(() => parser.write(text)),
    end() {
      const items = run(() => {
        if (root === null) throw new DocumentProblem('malformed', 'has no XML element at all');
        parser.close();
      });
      if (problem !== null) throw problem;
      return items;
    },
    root: () => root,
  };
}

function withTitle(item: DocumentItem, title: string): DocumentItem {
  const t = title.trim();
  return item.type === 'url' && t !== '' ? { ...item, found: { ...item.found, title: t } } : item;
}

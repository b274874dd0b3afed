import { parseFeed, type AtomFeed, type JsonFeed, type RdfFeed, type RssFeed } from 'feedsmith';
import { DocumentProblem } from '../read/document.problem';
import { changedAtOf, itemForLink, type DocumentItem } from './found';

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface ParsedFeed {
  format: FeedFormat;
  items: DocumentItem[];
}

/**
 * Reads a whole feed with feedsmith (RSS 0.9x/2.0, RSS 1.0/RDF, Atom 1.0, JSON Feed): each
 * item's article link, and the date that says it changed. feedsmith's XML parser is set up not
 * to process entities at all (its `processEntities: false`), and the XML reader has already
 * refused documents declaring any. Relative links are resolved against the feed's address, as
 * feed readers do (Atom allows them; RSS feeds get them wrong often enough).
 */
export function parseFeedDocument(value: string | object, feedUrl: string): ParsedFeed {
  let parsed: ReturnType<typeof parseFeed<string>>;
  try {
    parsed = parseFeed<string>(value);
  } catch (err) {
    throw new DocumentProblem('not-a-feed', `is not a feed that can be read (${(err as Error).message})`);
  }
  const item = (link: string | undefined, title: string | undefined, ...dates: (string | undefined)[]): DocumentItem => {
    const it = itemForLink(link ?? '', feedUrl, changedAtOf(...dates));
    return it.type === 'url' && title?.trim() ? { ...it, found: { ...it.found, title: title.trim().slice(0, 500) } } : it;
  };
  switch (parsed.format) {
    case 'rss':
      return { format: 'rss', items: (parsed.feed.items ?? []).map((i) => item(rssLink(i), i.title, i.pubDate, i.dc?.dates?.[0])) };
    case 'rdf':
      return { format: 'rdf', items: (parsed.feed.items ?? []).map((i) => item(rdfLink(i), i.title, i.dc?.dates?.[0])) };
    case 'atom':
      return { format: 'atom', items: (parsed.feed.entries ?? []).map((e) => item(atomLink(e), atomTitle(e), e.updated, e.published)) };
    case 'json':
      return { format: 'json', items: (parsed.feed.items ?? []).map((i) => item(jsonLink(i), i.title, i.date_modified, i.date_published)) };
  }
}

/** The item's link, else its guid when that is a permalink (RSS 2.0's default). */
function rssLink(i: RssFeed.Item<string>): string | undefined {
  if (i.link?.trim()) return i.link;
  return i.guid && i.guid.isPermaLink !== false && /^https?:/i.test(i.guid.value ?? '') ? i.guid.value : undefined;
}

function rdfLink(i: RdfFeed.Item<string>): string | undefined {
  return i.link?.trim() ? i.link : i.rdf?.about;
}

/** The alternate (HTML) link: rel="alternate" or no rel at all, HTML or untyped; else the id when it is a URL. */
function atomLink(e: AtomFeed.Entry<string>): string | undefined {
  const links = e.links ?? [];
  const alternate =
    links.find((l) => (l.rel ?? 'alternate') === 'alternate' && (!l.type || /html/i.test(l.type))) ??
    links.find((l) => (l.rel ?? 'alternate') === 'alternate');
  if (alternate?.href) return alternate.href;
  return /^https?:/i.test(e.id ?? '') ? e.id : undefined;
}

function atomTitle(e: AtomFeed.Entry<string>): string | undefined {
  const t = e.title as unknown;
  return typeof t === 'string' ? t : (t as { value?: string } | undefined)?.value;
}

function jsonLink(i: JsonFeed.Item<string>): string | undefined {
  if (i.url?.trim()) return i.url;
  return /^https?:/i.test(i.id ?? '') ? i.id : undefined;
}

import { Parser } from 'htmlparser2';
import { checkLink, type DocumentItem } from './found';

// Feed types a home page announces. Not plain application/json: WordPress links its REST API
// (wp-json) that way, and oEmbed is application/json+oembed.
const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json']);
// A comments feed lists comment permalinks, i.e. the articles again, one per comment.
const COMMENTS = /\bcomments?\b/i;

export interface SiteLinkReader {
  write(text: string): DocumentItem[];
  end(): DocumentItem[];
  /** True once the head is over: feeds are announced there, so the rest need not be read. */
  done(): boolean;
}

/**
 * The feeds a home page announces with `<link rel="alternate" type="application/rss+xml" …>`
 * (and Atom, RDF, JSON Feed), relative to its `<base href>` or its own address, read with
 * htmlparser2 as the page streams in.
 */
export function createSiteLinkReader(pageUrl: string): SiteLinkReader {
  let base = pageUrl;
  let finished = false;
  let out: DocumentItem[] = [];
  const seen = new Set<string>();
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (finished) return;
        if (name === 'body') finished = true;
        if (name === 'base' && attrs.href) {
          const resolved = checkLink(attrs.href, pageUrl);
          if (resolved.ok) base = resolved.url;
        }
        if (name !== 'link') return;
        const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
        const type = (attrs.type ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
        if (!rel.includes('alternate') || !FEED_TYPES.has(type) || !attrs.href) return;
        if (COMMENTS.test(attrs.title ?? '') || /\/comments?\//i.test(attrs.href)) return;
        const link = checkLink(attrs.href, base);
        if (!link.ok) {
          out.push({ type: 'skipped', link: attrs.href.slice(0, 200), why: link.why });
        } else if (!seen.has(link.url)) {
          seen.add(link.url);
          out.push({ type: 'feed', url: link.url });
        }
      },
      onclosetag(name) {
        if (name === 'head') finished = true;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  const take = () => {
    const items = out;
    out = [];
    return items;
  };
  return {
    write(text) {
      if (!finished) parser.write(text);
      return take();
    },
    end() {
      parser.end();
      return take();
    },
    done: () => finished,
  };
}

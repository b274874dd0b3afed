/** An HTML page a poll read where a site's home page may be (a source's own URL). */
export interface HtmlPage {
  /** The address the source was given. */
  url: string;
  /** Where redirects ended. */
  finalUrl: string;
  /** The response's MIME type, as the server labelled it ('' when it did not). */
  contentType: string;
  /** How many feeds its head announces (<link rel="alternate" type=rss/atom/json feed>). */
  feeds: number;
}

const GIVE = "give the feed's URL or the site's home page";

// Types a server gives feeds and sitemaps (XHTML, a page's type though it ends in +xml, is let through below).
const FEED_TYPE = /\b(?:rss|atom|rdf|xml|json)\b/;
const FEED_PATH = /\.(?:xml|rss|atom|rdf|json)(?:\.gz)?$/i;
const FEED_SEGMENT = /^(?:feeds?|rss2?|atom|sitemaps?)$/i;
const INDEX_PAGE = /^\/(?:index|default)\.(?:html?|xhtml|php|aspx?|jsp|shtml)$/i;

/**
 * Why an HTML page cannot be taken as a site's home page, or null when it can. Every source's
 * first poll reads whatever it was given, and an HTML page there is what a wrong feed address
 * (a page served as RSS, a feed URL that now redirects to a page, an article page) looks like
 * too: following it as a site would follow its whole host's robots.txt sitemaps. So a page is a
 * site only when it can be one: it announces feeds (a home page, or a section page such as
 * /news/), or it is the site's root; and never when the server or the address says it is a
 * feed or a sitemap.
 */
export function whyNotAHomePage(page: HtmlPage): string | null {
  const type = page.contentType.toLowerCase();
  if (type !== 'application/xhtml+xml' && FEED_TYPE.test(type)) {
    return `is an HTML page, not a feed or sitemap (though served as ${type}); ${GIVE}`;
  }
  const named = whyAddressIsNoHomePage(page.url) ?? whyAddressIsNoHomePage(page.finalUrl);
  if (named !== null) return named;
  if (page.feeds > 0 || [page.url, page.finalUrl].map(pathOf).some(isRoot)) return null;
  return `is an HTML page, not a feed or sitemap (and not a site's home page: it links no feeds); ${GIVE}`;
}

/** Why a page at this address cannot be a site's home page (the address names a feed or sitemap), or null. */
export function whyAddressIsNoHomePage(url: string): string | null {
  return namesAFeed(pathOf(url)) ? `is an HTML page, not a feed or sitemap (though its address names one); ${GIVE}` : null;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

function namesAFeed(path: string): boolean {
  const last = path.replace(/\/+$/, '').split('/').at(-1) ?? '';
  return FEED_PATH.test(last) || FEED_SEGMENT.test(last);
}

function isRoot(path: string): boolean {
  return path === '/' || path === '' || INDEX_PAGE.test(path);
}

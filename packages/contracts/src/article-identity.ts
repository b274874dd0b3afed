import { getDomain } from 'tldts';
import { articleIdFor, normalizeArticleUrl } from './article-url';

/**
 * The id of the search document an article is stored under, decided once it has been fetched
 * and read: the page's canonical URL when the page declares one on its own site, else the
 * address the redirects ended at, normalised like every URL. So a short link, a URL with extra
 * parameters and the article's own address, each enqueued as its own job, end in one document
 * (each job's id is kept in the document's `urlIds`, where look-ups by job id find it).
 *
 * A canonical URL on another site is not trusted: a page must not be able to overwrite another
 * site's article by claiming its address. Same site means the same registrable domain
 * (tldts, from the Public Suffix List), or the same host where there is none (an IP, localhost).
 */
export function documentIdFor(jobId: string, finalUrl: string, canonicalUrl: string | null): string {
  const trusted = trustedCanonicalUrl(finalUrl, canonicalUrl);
  const candidates = trusted ? [trusted, finalUrl] : [finalUrl];
  for (const url of candidates) {
    try {
      return articleIdFor(normalizeArticleUrl(url));
    } catch {
      // not an http(s) URL: try the next one
    }
  }
  return jobId;
}

/**
 * The canonical URL a page declares, when it may be believed: an http(s) URL on the site the page
 * was fetched from (see documentIdFor). Otherwise null: the claim is dropped, and what the
 * document says about where it is from (its id, `canonicalUrl`, `site`) comes from the fetched
 * address instead.
 */
export function trustedCanonicalUrl(finalUrl: string, canonicalUrl: string | null): string | null {
  if (!canonicalUrl || !/^https?:$/i.test(protocolOf(canonicalUrl) ?? '')) return null;
  return sameSite(canonicalUrl, finalUrl) ? canonicalUrl : null;
}

/** A site name that is a host name ("bbc.co.uk", an IPv4 address), not a title ("BBC News"). */
const HOST_NAME = /^(?:(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}|\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * The site name a page gives, by the same rule: a name that is a host on another site than the
 * one fetched is not believed, and the fetched host (without "www.") names the site instead.
 * That is the name extraction makes from a canonical URL's host when the page gives none, and
 * `?site=` matches site names as well as sites. A name that is no host name ("BBC News") is the
 * page's own word, like its title, and is kept.
 */
export function trustedSiteName(finalUrl: string, siteName: string | null): string | null {
  if (!siteName || !HOST_NAME.test(siteName) || sameSite(`http://${siteName}/`, finalUrl)) return siteName;
  return hostOf(finalUrl)?.replace(/^www\./, '') ?? null;
}

function protocolOf(url: string): string | null {
  try {
    return new URL(url).protocol;
  } catch {
    return null;
  }
}

function sameSite(a: string, b: string): boolean {
  const hostA = hostOf(a);
  const hostB = hostOf(b);
  if (!hostA || !hostB) return false;
  if (hostA === hostB) return true;
  const siteA = getDomain(hostA);
  return siteA !== null && siteA === getDomain(hostB);
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '') || null;
  } catch {
    return null;
  }
}

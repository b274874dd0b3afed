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
  const candidates = canonicalUrl && sameSite(canonicalUrl, finalUrl) ? [canonicalUrl, finalUrl] : [finalUrl];
  for (const url of candidates) {
    try {
      return articleIdFor(normalizeArticleUrl(url));
    } catch {
      // not an http(s) URL: try the next one
    }
  }
  return jobId;
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

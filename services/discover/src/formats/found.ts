import { MAX_URL_LENGTH } from '@newsflow/contracts';

/** An article URL a feed or sitemap lists, with the date that says it changed (lastmod, updated). */
export interface FoundUrl {
  url: string;
  /** Epoch ms of lastmod / updated / published; null when the document gives none (or garbage). */
  changedAt: number | null;
  /** The headline, when the document gives one (news:title, a feed item's title). */
  title?: string;
}

/** Why a link was not used. */
export type SkipReason = 'relative' | 'not-http' | 'too-long' | 'not-a-url';

/** What reading one document yields, in document order, as it streams. */
export type DocumentItem =
  | { type: 'url'; found: FoundUrl }
  /** A sitemap listed by a sitemap index. */
  | { type: 'sitemap'; url: string; changedAt: number | null }
  /** A feed a home page links to (`<link rel="alternate">`). */
  | { type: 'feed'; url: string }
  | { type: 'skipped'; link: string; why: SkipReason };

export type LinkCheck = { ok: true; url: string } | { ok: false; why: SkipReason };

/**
 * An absolute http(s) URL a job can carry. `base` resolves relative links (feeds, HTML pages,
 * where they are common); without it (sitemaps, where the protocol requires absolute URLs) a
 * relative link is refused.
 */
export function checkLink(raw: string, base: string | null): LinkCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, why: 'not-a-url' };
  if (text.length > MAX_URL_LENGTH) return { ok: false, why: 'too-long' };
  let url: URL;
  try {
    url = base === null ? new URL(text) : new URL(text, base);
  } catch {
    return { ok: false, why: base === null && !/^[a-z][a-z0-9+.-]*:/i.test(text) ? 'relative' : 'not-a-url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, why: 'not-http' };
  if (!url.hostname) return { ok: false, why: 'not-a-url' };
  return url.href.length > MAX_URL_LENGTH ? { ok: false, why: 'too-long' } : { ok: true, url: url.href };
}

/** A date as the documents write it (W3C datetime, RFC 822, a bare day) → epoch ms, or null. */
export function changedAtOf(...dates: (string | null | undefined)[]): number | null {
  for (const d of dates) {
    if (!d) continue;
    const ms = Date.parse(d.trim());
    if (Number.isFinite(ms)) return ms;
  }
  return null;
}

/** An article link as an item: the URL a job can carry, or why it was skipped (every parser says it the same way). */
export function itemForLink(raw: string, base: string | null, changedAt: number | null): DocumentItem {
  const link = checkLink(raw, base);
  if (link.ok) return { type: 'url', found: { url: link.url, changedAt } };
  return { type: 'skipped', link: raw.trim() === '' ? '(an item without a link)' : raw.trim().slice(0, 200), why: link.why };
}

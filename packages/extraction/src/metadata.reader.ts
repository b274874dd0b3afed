import { parseAuthors } from './author.parser';
import { readPageByline } from './byline.reader';
import { dateFromUrl, toIsoDate } from './date.parser';
import { ldImageUrl, ldIsFree, ldObject, ldString, ldStrings, readJsonLd } from './jsonld.reader';
import type { FieldSource, SourcedField } from './article.types';

export interface PageMetadata {
  title: string | null;
  description: string | null;
  authors: string[];
  publishedAt: string | null;
  modifiedAt: string | null;
  siteName: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  imageUrl: string | null;
  section: string | null;
  keywords: string[];
  paywalled: boolean;
  sources: Partial<Record<MetadataField, FieldSource>>;
}

export type MetadataField = SourcedField;

type Candidate<T> = [FieldSource, T | null | undefined];

/** Picks the first usable candidate in trust order and remembers where it came from. */
function pick<T>(
  sources: PageMetadata['sources'],
  field: MetadataField,
  candidates: Candidate<T>[],
  usable: (v: T) => boolean = (v) => v != null && (!Array.isArray(v) || v.length > 0) && v !== '',
): T | null {
  for (const [source, value] of candidates) {
    if (value != null && usable(value)) {
      sources[field] = source;
      return value;
    }
  }
  return null;
}

function metaContent(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const el = doc.querySelector(`meta[${attr}="${key}"]`);
      const v = el?.getAttribute('content')?.trim();
      if (v) return v;
    }
  }
  return null;
}

function metaContents(doc: Document, key: string): string[] {
  return Array.from(doc.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`))
    .map((el) => el.getAttribute('content')?.trim() ?? '')
    .filter(Boolean);
}

function absolute(url: string | null, base: string): string | null {
  if (!url) return null;
  try {
    return new URL(url.trim(), base).href;
  } catch {
    return null;
  }
}

function splitKeywords(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values.flatMap((x) => x.split(/\s*[,;]\s*/))) {
    const k = v.trim();
    if (!k || k.length > 80 || seen.has(k.toLowerCase())) continue;
    seen.add(k.toLowerCase());
    out.push(k);
  }
  return out;
}

const PAYWALL_MARKER_SELECTOR = [
  '[class~="paywall"]', '[id="paywall"]', '[class~="subscriber-only"]', '[class~="premium-content"]',
  '[class~="regwall"]', '[data-paywall]', '[class~="article-paywall"]', '[class~="piano-paywall"]',
].join(', ');

function httpEquiv(doc: Document, name: string): string | null {
  for (const el of Array.from(doc.querySelectorAll('meta[http-equiv]'))) {
    if (el.getAttribute('http-equiv')?.toLowerCase() === name) return el.getAttribute('content')?.trim() || null;
  }
  return null;
}

function domDate(doc: Document): string | null {
  for (const el of Array.from(doc.querySelectorAll('article time[datetime], time[datetime]')).slice(0, 5)) {
    const iso = toIsoDate(el.getAttribute('datetime'));
    if (iso) return iso;
  }
  return null;
}

export function readMetadata(doc: Document, url: string): PageMetadata {
  const sources: PageMetadata['sources'] = {};
  const { article: ld, nodes } = readJsonLd(doc);
  const publisher = ldObject(ld?.['publisher']);
  const webSite = nodes.find((n) => n['@type'] === 'WebSite');

  const canonicalUrl = pick(sources, 'canonicalUrl', [
    ['meta', absolute(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? null, url)],
    ['opengraph', absolute(metaContent(doc, 'og:url'), url)],
  ]);

  const siteName = pick(sources, 'siteName', [
    ['opengraph', metaContent(doc, 'og:site_name')],
    ['jsonld', ldString(publisher?.['name'])],
    ['jsonld', ldString(webSite?.['name'])],
    ['meta', metaContent(doc, 'application-name', 'apple-mobile-web-app-title')],
  ]);

  const title = pick(sources, 'title', [
    ['jsonld', ldString(ld?.['headline'])],
    ['opengraph', metaContent(doc, 'og:title')],
    ['meta', metaContent(doc, 'twitter:title', 'title', 'dc.title', 'DC.title')],
  ]);

  const authorValues: Candidate<string[]>[] = [
    ['jsonld', parseAuthors(ldStrings(ld?.['author']))],
    ['meta', parseAuthors(metaContents(doc, 'author'))],
    ['opengraph', parseAuthors(metaContents(doc, 'article:author').filter((a) => !/^https?:/i.test(a)))],
    ['meta', parseAuthors(metaContents(doc, 'byl').concat(metaContents(doc, 'sailthru.author'), metaContents(doc, 'parsely-author')))],
    ['heuristic', readPageByline(doc)],
  ];
  const authors = pick(sources, 'authors', authorValues) ?? [];

  const publishedAt = pick(sources, 'publishedAt', [
    ['jsonld', toIsoDate(ldString(ld?.['datePublished']))],
    ['opengraph', toIsoDate(metaContent(doc, 'article:published_time'))],
    ['meta', toIsoDate(metaContent(doc, 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date', 'DC.date.issued', 'datePublished', 'sailthru.date', 'parsely-pub-date'))],
    ['heuristic', domDate(doc)],
    ['heuristic', dateFromUrl(canonicalUrl ?? url)],
  ]);

  const modifiedAt = pick(sources, 'modifiedAt', [
    ['jsonld', toIsoDate(ldString(ld?.['dateModified']))],
    ['opengraph', toIsoDate(metaContent(doc, 'article:modified_time', 'og:updated_time'))],
    ['meta', toIsoDate(metaContent(doc, 'lastmod', 'last-modified', 'dateModified'))],
  ]);

  const lang = pick(sources, 'lang', [
    ['meta', doc.documentElement?.getAttribute('lang')?.trim() || null],
    ['meta', httpEquiv(doc, 'content-language')],
    ['opengraph', metaContent(doc, 'og:locale')?.replace('_', '-') ?? null],
    ['jsonld', ldString(ld?.['inLanguage'])],
  ]);

  const imageUrl = pick(sources, 'image', [
    ['opengraph', absolute(metaContent(doc, 'og:image', 'og:image:url', 'og:image:secure_url'), url)],
    ['jsonld', absolute(ldImageUrl(ld?.['image']), url)],
    ['meta', absolute(metaContent(doc, 'twitter:image', 'twitter:image:src'), url)],
  ]);

  const section = pick(sources, 'section', [
    ['opengraph', metaContent(doc, 'article:section')],
    ['jsonld', ldStrings(ld?.['articleSection'])[0] ?? null],
    ['meta', metaContent(doc, 'section', 'category')],
  ]);

  const keywords = pick(sources, 'keywords', [
    ['opengraph', splitKeywords(metaContents(doc, 'article:tag'))],
    ['jsonld', splitKeywords(ldStrings(ld?.['keywords']))],
    ['meta', splitKeywords(metaContents(doc, 'keywords').concat(metaContents(doc, 'news_keywords')))],
  ]) ?? [];

  let paywalled = false;
  const ldFree = ldIsFree(ld?.['isAccessibleForFree']);
  const partLocked = [ld?.['hasPart']].flat().some((p) => ldIsFree(ldObject(p)?.['isAccessibleForFree']) === false);
  const tier = metaContent(doc, 'article:content_tier')?.toLowerCase();
  if (ldFree === false || partLocked) {
    paywalled = true;
    sources.access = 'jsonld';
  } else if (tier === 'locked' || tier === 'metered') {
    paywalled = true;
    sources.access = 'opengraph';
  } else if (doc.querySelector(PAYWALL_MARKER_SELECTOR)) {
    paywalled = true;
    sources.access = 'heuristic';
  } else if (ldFree === true) {
    sources.access = 'jsonld';
  } else if (tier === 'free') {
    sources.access = 'opengraph';
  }

  const description = metaContent(doc, 'description', 'og:description', 'twitter:description') ?? ldString(ld?.['description']);

  return {
    title, description, authors, publishedAt, modifiedAt, siteName, lang, canonicalUrl,
    imageUrl, section, keywords, paywalled, sources,
  };
}

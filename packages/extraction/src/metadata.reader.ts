import { decodeHTML } from 'entities';
import { parseAuthors } from './author.parser';
import { readPageByline } from './byline.reader';
import { readPageDates } from './date.reader';
import { httpUrl } from './http-url';
import { languageTag, type LanguageTag } from './language.tag';
import { ldImageUrl, ldIsFree, ldObject, ldString, ldStrings, readJsonLd } from './jsonld.reader';
import type { FieldSource, SourcedField } from './article.types';

export interface PageMetadata {
  title: string | null;
  description: string | null;
  authors: string[];
  publishedAt: string | null;
  modifiedAt: string | null;
  siteName: string | null;
  /** BCP 47 primary language subtag: "en". */
  lang: string | null;
  /** The whole language tag the page declares, canonical case: "en-US". */
  langTag: string | null;
  canonicalUrl: string | null;
  imageUrl: string | null;
  section: string | null;
  keywords: string[];
  paywalled: boolean;
  sources: Partial<Record<MetadataField, FieldSource>>;
}

export type MetadataField = SourcedField;

/** Candidates are thunks: later ones are only computed when earlier ones gave nothing. */
type Candidate<T> = [FieldSource, () => T | null | undefined];

/** Picks the first usable candidate in trust order and remembers where it came from. */
function pick<T>(
  sources: PageMetadata['sources'],
  field: MetadataField,
  candidates: Candidate<T>[],
  usable: (v: T) => boolean = (v) => v != null && (!Array.isArray(v) || v.length > 0) && v !== '',
): T | null {
  for (const [source, thunk] of candidates) {
    const value = thunk();
    if (value != null && usable(value)) {
      sources[field] = source;
      return value;
    }
  }
  return null;
}

/**
 * All <meta> values by lower-cased property/name/itemprop, read in one pass: one selector
 * query per key costs a full document walk each in jsdom, which dominated extraction time.
 */
type MetaIndex = Map<string, string[]>;

function indexMeta(doc: Document): MetaIndex {
  const index: MetaIndex = new Map();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (!key) continue;
      const list = index.get(key);
      if (list) list.push(content);
      else index.set(key, [content]);
    }
  }
  return index;
}

/**
 * CMSs often escape twice ("&amp;#8216;"), so values arrive with entities still in them;
 * JSON-LD strings carry HTML entities too. Decoding once more is harmless for clean text.
 */
function clean(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = decodeHTML(value).replace(/\s+/g, ' ').trim();
  return v || null;
}

function metaContent(meta: MetaIndex, ...keys: string[]): string | null {
  for (const key of keys) {
    const v = clean(meta.get(key.toLowerCase())?.[0]);
    if (v) return v;
  }
  return null;
}

function metaContents(meta: MetaIndex, key: string): string[] {
  return (meta.get(key.toLowerCase()) ?? []).map((v) => clean(v) ?? '').filter(Boolean);
}

/** "Autoracing | F1 | IndyCar", "The Jerusalem Post |": the name is the first part. */
function cleanSiteName(name: string | null): string | null {
  if (!name || /^https?:\/\//i.test(name)) return null;
  const first = name.split(/\s+[|•·]\s*|\s+[-–—]\s+/)[0]?.trim();
  return first || null;
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

const PAYWALL_CLASSES = ['paywall', 'subscriber-only', 'premium-content', 'regwall', 'article-paywall', 'piano-paywall'];

/** Class lookups instead of attribute selectors: jsdom's selector engine is slow on those. */
function hasPaywallMarker(doc: Document): boolean {
  return doc.getElementById('paywall') !== null || PAYWALL_CLASSES.some((c) => doc.getElementsByClassName(c).length > 0);
}

function canonicalHref(doc: Document): string | null {
  for (const link of Array.from(doc.getElementsByTagName('link'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical')) return link.getAttribute('href');
  }
  return null;
}

export function readMetadata(doc: Document, url: string): PageMetadata {
  const sources: PageMetadata['sources'] = {};
  const meta = indexMeta(doc);
  const jsonLd = readJsonLd(doc);
  const { article: ld, nodes } = jsonLd;
  const publisher = ldObject(ld?.['publisher']);
  const webSite = nodes.find((n) => n['@type'] === 'WebSite');

  const canonicalUrl = pick(sources, 'canonicalUrl', [
    ['meta', () => httpUrl(canonicalHref(doc), url)],
    ['opengraph', () => httpUrl(metaContent(meta, 'og:url'), url)],
  ]);

  const siteName = pick(sources, 'siteName', [
    ['opengraph', () => cleanSiteName(metaContent(meta, 'og:site_name'))],
    ['jsonld', () => cleanSiteName(clean(ldString(publisher?.['name'])))],
    ['jsonld', () => cleanSiteName(clean(ldString(webSite?.['name'])))],
    ['meta', () => cleanSiteName(metaContent(meta, 'application-name', 'apple-mobile-web-app-title'))],
  ]);

  const title = pick(sources, 'title', [
    ['jsonld', () => clean(ldString(ld?.['headline']))],
    ['opengraph', () => metaContent(meta, 'og:title')],
    ['meta', () => metaContent(meta, 'twitter:title', 'title', 'dc.title', 'DC.title')],
  ]);

  const authorValues: Candidate<string[]>[] = [
    [
      'jsonld',
      () =>
        parseAuthors(
          ldStrings(ld?.['author']).map((a) => clean(a) ?? ''),
          siteName,
        ),
    ],
    ['meta', () => parseAuthors(metaContents(meta, 'author'), siteName)],
    [
      'opengraph',
      () =>
        parseAuthors(
          metaContents(meta, 'article:author').filter((a) => !/^https?:/i.test(a)),
          siteName,
        ),
    ],
    [
      'meta',
      () =>
        parseAuthors(
          metaContents(meta, 'byl').concat(metaContents(meta, 'sailthru.author'), metaContents(meta, 'parsely-author')),
          siteName,
        ),
    ],
    ['heuristic', () => readPageByline(doc, siteName)],
  ];
  const authors = pick(sources, 'authors', authorValues) ?? [];

  const language = pick<LanguageTag>(sources, 'lang', [
    ['meta', () => languageTag(doc.documentElement?.getAttribute('lang'))],
    ['meta', () => languageTag(metaContent(meta, 'content-language'))],
    ['opengraph', () => languageTag(metaContent(meta, 'og:locale'))],
    ['jsonld', () => languageTag(ldString(ld?.['inLanguage']))],
  ]);

  const dates = readPageDates(doc, {
    meta: (key) => metaContents(meta, key),
    ld: jsonLd,
    url,
    canonicalUrl,
    langTag: language?.tag ?? null,
    title,
  });
  Object.assign(sources, dates.sources);

  const imageUrl = pick(sources, 'image', [
    ['opengraph', () => httpUrl(metaContent(meta, 'og:image', 'og:image:url', 'og:image:secure_url'), url)],
    ['jsonld', () => httpUrl(ldImageUrl(ld?.['image']), url)],
    ['meta', () => httpUrl(metaContent(meta, 'twitter:image', 'twitter:image:src'), url)],
  ]);

  const section = pick(sources, 'section', [
    ['opengraph', () => metaContent(meta, 'article:section')],
    ['jsonld', () => clean(ldStrings(ld?.['articleSection'])[0])],
    ['meta', () => metaContent(meta, 'section', 'category')],
  ]);

  const keywords =
    pick(sources, 'keywords', [
      ['opengraph', () => splitKeywords(metaContents(meta, 'article:tag'))],
      ['jsonld', () => splitKeywords(ldStrings(ld?.['keywords']).map((k) => clean(k) ?? ''))],
      ['meta', () => splitKeywords(metaContents(meta, 'keywords').concat(metaContents(meta, 'news_keywords')))],
    ]) ?? [];

  let paywalled = false;
  const ldFree = ldIsFree(ld?.['isAccessibleForFree']);
  const partLocked = [ld?.['hasPart']].flat().some((p) => ldIsFree(ldObject(p)?.['isAccessibleForFree']) === false);
  const tier = metaContent(meta, 'article:content_tier')?.toLowerCase();
  if (ldFree === false || partLocked) {
    paywalled = true;
    sources.access = 'jsonld';
  } else if (tier === 'locked' || tier === 'metered') {
    paywalled = true;
    sources.access = 'opengraph';
  } else if (hasPaywallMarker(doc)) {
    paywalled = true;
    sources.access = 'heuristic';
  } else if (ldFree === true) {
    sources.access = 'jsonld';
  } else if (tier === 'free') {
    sources.access = 'opengraph';
  }

  const description = metaContent(meta, 'description', 'og:description', 'twitter:description') ?? clean(ldString(ld?.['description']));

  return {
    title,
    description,
    authors,
    publishedAt: dates.publishedAt,
    modifiedAt: dates.modifiedAt,
    siteName,
    lang: language?.lang ?? null,
    langTag: language?.tag ?? null,
    canonicalUrl,
    imageUrl,
    section,
    keywords,
    paywalled,
    sources,
  };
}

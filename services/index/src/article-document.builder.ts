import {
  documentIdFor,
  trustedCanonicalUrl,
  trustedSiteName,
  type ArticleDocument,
  type DateSource,
  type EntityField,
  type QuoteField,
  type SourceRef,
  type TraceEvent,
} from '@newsflow/contracts';
import type { Enrichment } from '@newsflow/nlp';
import type { StoredArticle } from '@newsflow/contracts';

/**
 * Builds the one search document of an article from what extract and enrich stored. `jobId` is
 * the enqueued URL's id; the document's own id comes from the canonical URL (`documentIdFor`).
 * `source` is the followed source whose poll enqueued it, from the job: none for a URL enqueued
 * by hand, and then the field is left out (not "manual"), so that the engine keeps the source an
 * earlier crawl gave the document and Kibana counts hand-enqueued articles as its missing bucket.
 */
export function buildArticleDocument(
  jobId: string,
  article: StoredArticle,
  enrichment: Enrichment,
  trace: TraceEvent[] = [],
  now = new Date(),
  source?: SourceRef,
): ArticleDocument {
  const entities: EntityField[] = enrichment.entities.map((e) => ({
    name: e.name,
    type: e.type,
    mentions: unique(e.mentions.map((m) => m.text)),
    mentionCount: e.mentions.length,
  }));
  const quotes: QuoteField[] = enrichment.quotes.map((q) => ({
    text: q.text,
    speaker: q.speaker,
    speakerType: q.speakerType,
    kind: q.kind,
    cue: q.cue,
  }));
  const named = (type: EntityField['type']) => entities.filter((e) => e.type === type).map((e) => e.name);
  // One rule for the id and for where the article says it is from: a page claiming another
  // site's address (to be listed, and filtered, under that site) keeps only its own host.
  const canonicalUrl = trustedCanonicalUrl(article.finalUrl, article.canonicalUrl);
  return {
    id: documentIdFor(jobId, article.finalUrl, article.canonicalUrl),
    urlIds: [jobId],
    ...(source ? { source: { id: source.id, url: source.url } } : {}),
    url: article.url,
    finalUrl: article.finalUrl,
    canonicalUrl,
    site: siteOf(canonicalUrl ?? article.finalUrl),
    siteName: trustedSiteName(article.finalUrl, article.siteName),
    title: article.title,
    byline: article.byline,
    authors: article.authors,
    publishedAt: article.publishedAt,
    modifiedAt: article.modifiedAt,
    ...articleDate(article),
    ...language(article),
    section: article.section,
    keywords: article.keywords,
    access: article.access,
    image: article.image,
    excerpt: article.excerpt,
    text: article.text,
    html: article.html,
    wordCount: article.wordCount,
    entities,
    quotes,
    people: named('PERSON'),
    organizations: named('ORGANIZATION'),
    locations: named('LOCATION'),
    speakers: unique(quotes.map((q) => q.speaker).filter((s): s is string => s !== null)),
    quoteLines: quotes.map(quoteLine),
    fetchedAt: article.fetchedAt,
    indexedAt: now.toISOString(),
    trace,
  };
}

/**
 * The date the article is filed under, and where it came from: an article whose page gives no
 * publication date is filed under its modification date, else its fetch, and says so, rather
 * than passing for one published the day it was crawled.
 */
export function articleDate(article: Pick<StoredArticle, 'publishedAt' | 'modifiedAt' | 'fetchedAt'>): {
  date: string;
  dateSource: DateSource;
} {
  if (article.publishedAt) return { date: article.publishedAt, dateSource: 'published' };
  if (article.modifiedAt) return { date: article.modifiedAt, dateSource: 'modified' };
  return { date: article.fetchedAt, dateSource: 'fetched' };
}

/**
 * `lang` is the primary language subtag for the facet ("en"), `langTag` the whole tag. Articles
 * stored or indexed before `langTag` existed hold the whole tag in `lang` ("en-US", "en_us").
 */
export function language(article: Pick<StoredArticle, 'lang' | 'langTag'>): { lang: string | null; langTag: string | null } {
  const tag = (article.langTag ?? article.lang)?.trim().replace(/_/g, '-') || null;
  const primary = tag?.split('-')[0]?.toLowerCase();
  return { lang: primary && /^[a-z]{2,3}$/.test(primary) ? primary : null, langTag: tag };
}

const QUOTE_LINE_MAX = 300;

/** A quotation as one line, "Speaker: “text”", short enough to stay a keyword (and a table row). */
export function quoteLine(q: Pick<QuoteField, 'text' | 'speaker'>): string {
  const text = q.text.length > QUOTE_LINE_MAX ? `${q.text.slice(0, QUOTE_LINE_MAX - 1).trimEnd()}…` : q.text;
  return `${q.speaker ?? 'unattributed'}: “${text}”`;
}

/** The host users filter by: lower case, without a leading "www.". */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

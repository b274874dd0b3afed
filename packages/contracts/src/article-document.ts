import type { TraceEvent } from './trace-event';
import type { SourceRef } from './jobs/article-ref';

/** The search document: one per article, its id the normalised URL's hash. */
export interface EntityField {
  name: string;
  type: 'PERSON' | 'ORGANIZATION' | 'LOCATION';
  mentions: string[];
  mentionCount: number;
}

export interface QuoteField {
  text: string;
  speaker: string | null;
  speakerType: 'PERSON' | 'ORGANIZATION' | 'LOCATION' | null;
  kind: 'direct' | 'partial';
  cue: string | null;
}

/** Where an article's `date` came from: the page's publication date, its modification date, or the fetch. */
export type DateSource = 'published' | 'modified' | 'fetched';

export interface ArticleDocument {
  /** From the canonical (or final) URL: see `documentIdFor`. */
  id: string;
  /**
   * The ids of the jobs (enqueued URLs) that reached this article: several links to one article
   * are one document, found by any of them. Absent in documents indexed before it existed.
   */
  urlIds?: string[];
  /**
   * The story this article is a copy of: the id of the first copy indexed (its own id when it is
   * the first). Copies with another headline, boilerplate, a paragraph added or cut, light
   * copy-editing share it. Absent in documents indexed before it existed (the index sets it
   * to the document's own id when the service starts).
   */
  storyId?: string;
  /**
   * The followed source whose poll found the article (the latest one, when several list it).
   * Absent when it was enqueued by hand and in documents indexed before sources existed; a
   * re-crawl by hand keeps the source it had.
   */
  source?: SourceRef;
  /** The URL of the latest job that wrote it. */
  url: string;
  finalUrl: string;
  canonicalUrl: string | null;
  site: string;
  siteName: string | null;
  title: string;
  byline: string | null;
  authors: string[];
  /** As the page gave it (ISO 8601, its own zone, or a day alone); null when the page gives none. */
  publishedAt: string | null;
  modifiedAt: string | null;
  /**
   * What date filters, sorting and histograms use: publishedAt when the page gives one, else
   * modifiedAt, else when it was fetched; `dateSource` says which.
   */
  date: string;
  /** Absent in documents indexed before it existed (their `date` is publishedAt, else fetchedAt). */
  dateSource?: DateSource;
  /** BCP 47 primary language subtag ("en"): the language facet and filter. */
  lang: string | null;
  /** The whole language tag the page declares ("en-US"). Absent in documents indexed before it existed. */
  langTag?: string | null;
  section: string | null;
  keywords: string[];
  access: 'free' | 'paywalled';
  image: { url: string; caption: string | null } | null;
  excerpt: string | null;
  text: string;
  html: string;
  wordCount: number;
  entities: EntityField[];
  quotes: QuoteField[];
  people: string[];
  organizations: string[];
  locations: string[];
  speakers: string[];
  /**
   * Each quotation flattened to one keyword, "Speaker: “text”" (text cut at 300 characters), for
   * tools that cannot read nested fields (Kibana's Lens tables and Discover). Absent in documents
   * indexed before it existed.
   */
  quoteLines?: string[];
  fetchedAt: string;
  indexedAt: string;
  /**
   * The pipeline's trace up to this document's indexing (stored, not searched), so an article's
   * status outlives its live record in Redis. Absent in documents indexed before it existed.
   */
  trace?: TraceEvent[];
}

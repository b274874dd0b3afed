import type { TraceEvent } from './article-status';

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

export interface ArticleDocument {
  /** From the canonical (or final) URL: see `documentIdFor`. */
  id: string;
  /**
   * The ids of the jobs (enqueued URLs) that reached this article: several links to one article
   * are one document, found by any of them. Absent in documents indexed before it existed.
   */
  urlIds?: string[];
  /** The URL of the latest job that wrote it. */
  url: string;
  finalUrl: string;
  canonicalUrl: string | null;
  site: string;
  siteName: string | null;
  title: string;
  byline: string | null;
  authors: string[];
  publishedAt: string | null;
  modifiedAt: string | null;
  /** publishedAt when known, else when it was fetched: what date filters and histograms use. */
  date: string;
  lang: string | null;
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

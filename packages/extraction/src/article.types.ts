import type { DomChoice } from './dom.factory';

export type { DomChoice };

export interface ExtractOptions {
  /** The page's address: relative links and the canonical URL are resolved against it. */
  url: string;
  /** Which DOM implementation parses the page; both run no scripts and load nothing. */
  dom?: DomChoice;
  /** Pages larger than this many characters are refused as 'too-large' (default 5 MB). */
  maxChars?: number;
}

export type FieldSource = 'jsonld' | 'opengraph' | 'meta' | 'readability' | 'heuristic';

export type SourcedField =
  'title' | 'authors' | 'publishedAt' | 'modifiedAt' | 'siteName' | 'lang' | 'canonicalUrl' | 'image' | 'section' | 'keywords' | 'access';

export interface ExtractedArticle {
  title: string;
  byline: string | null;
  authors: string[];
  /**
   * ISO 8601 as the page gave it: a day ("2024-03-12"), or a time with the page's own zone
   * ("2024-03-12T14:30:00+01:00"; "Z" for UTC), or a local time when the page named no zone.
   * Null when the page gives no publication date.
   */
  publishedAt: string | null;
  /** ISO 8601, as publishedAt. */
  modifiedAt: string | null;
  siteName: string | null;
  /** BCP 47 primary language subtag ("en"), for facets. */
  lang: string | null;
  /** The full language tag the page declares, canonical case ("en-US", "pt-BR"). */
  langTag: string | null;
  canonicalUrl: string | null;
  image: { url: string; caption: string | null } | null;
  section: string | null;
  keywords: string[];
  access: 'free' | 'paywalled';
  excerpt: string | null;
  /** Clean plain text, paragraphs separated by a blank line. */
  text: string;
  /** Sanitised article HTML: no scripts, event handlers, iframes, forms or styles. */
  html: string;
  wordCount: number;
  sources: Partial<Record<SourcedField, FieldSource>>;
}

// The API's JSON as the web UI reads it: the fields the pages use, typed as the API sends them.
// They mirror the response schemas in services/api/src/*.responses.ts (which the OpenAPI
// document is made from); a field the UI starts to read is added here from there.
// Imported from assets/*.js as './api-types' (tsconfig's rootDirs); never served.

export type EntityType = 'PERSON' | 'ORGANIZATION' | 'LOCATION';
export type DateSource = 'published' | 'modified' | 'fetched';
export type ArticleState = 'queued' | 'fetching' | 'extracting' | 'enriching' | 'indexing' | 'done' | 'failed';

export interface Entity {
  name: string;
  type: EntityType;
  mentions: string[];
  mentionCount: number;
}

export interface Quote {
  text: string;
  speaker: string | null;
  speakerType: EntityType | null;
  kind: 'direct' | 'partial';
  cue: string | null;
}

/** What articleDate() reads: an article's date and where it came from. */
export interface Dated {
  date: string;
  /** Absent in documents indexed before it existed. */
  dateSource?: DateSource | null;
}

/** The indexed document (articleSchema). */
export interface Article extends Dated {
  id: string;
  url: string;
  site: string;
  siteName: string | null;
  title: string;
  byline: string | null;
  access: 'free' | 'paywalled';
  excerpt: string | null;
  text: string;
  /** Clean HTML from someone else's page: untrusted, sanitised before display. */
  html: string;
  entities: Entity[];
  quotes: Quote[];
  people: string[];
}

/** Another copy of an article's story. */
export interface StoryCopy {
  id: string;
  url: string;
  site: string;
  siteName: string | null;
  title: string;
  date: string;
}

/** GET /articles/:id */
export interface ArticleView {
  id: string;
  url: string;
  state: ArticleState;
  /** The stage it is at, or failed at: fetch, extract, enrich, index. */
  stage: string | null;
  reason: string | null;
  document: Article | null;
  copies: StoryCopy[];
}

/** POST /articles (202) */
export interface EnqueueAccepted {
  id: string;
  url: string;
  status: 'queued' | 'in-flight';
  warning?: string;
}

export interface Bucket {
  /** The value; for perDay, the day as epoch milliseconds. */
  key: string | number;
  key_as_string?: string;
  doc_count: number;
}

/** One search hit: the document without text and html, with highlights and matching quotations. */
export interface SearchResult extends Omit<Article, 'text' | 'html'> {
  copies: number;
  /** Fragments by field, matches in <mark>…</mark>. */
  highlight: Record<string, string[]>;
  matchingQuotes: Quote[];
}

/** GET /search */
export interface SearchResponse {
  total: number;
  documents: number;
  results: SearchResult[];
  /** people, organizations, locations, speakers, sites, languages and perDay. */
  facets: Record<string, { buckets: Bucket[] }>;
}

export interface QuoteArticle extends Dated {
  id: string;
  title: string;
  url: string;
  site: string;
  siteName: string | null;
}

export interface QuoteResult extends Quote {
  /** The quotation with matched words in <mark>…</mark>. */
  highlight: string | null;
  article: QuoteArticle;
}

/** GET /quotes */
export interface QuotesResponse {
  total: number;
  quotes: QuoteResult[];
  facets: { speakers: { key: string; count: number }[] };
}

export interface SourcePoll {
  at: string;
  status: 'ok' | 'unchanged' | 'partial' | 'failed';
  error: string | null;
  documents: number;
  found: number;
  fresh: number;
  enqueued: number;
}

/** One followed source (POST /sources answers with one). */
export interface Source {
  id: string;
  url: string;
  kind: 'feed' | 'sitemap' | 'site' | null;
  every: string;
  lastPoll: SourcePoll | null;
  enqueuedTotal: number;
  nextPollAt: string | null;
}

/** GET /sources */
export interface SourceList {
  sources: Source[];
}

import type { Json, SearchHits } from './search.port';

/** What article and quotation searches share: words, speaker, site, language, dates, paging. */
export interface SearchParamsBase {
  q?: string;
  speaker?: string;
  site?: string;
  lang?: string;
  /** Article date range. */
  since?: string;
  until?: string;
  /** `date` (newest first; the default without words) or `relevance`. */
  sort?: 'relevance' | 'date';
  from?: number;
  size?: number;
  facets?: boolean;
}

export interface ArticleSearchParams extends SearchParamsBase {
  person?: string;
  organization?: string;
  location?: string;
  access?: 'free' | 'paywalled';
  /** Only articles found by this followed source (its id; `sourceIdOf` reads a URL as one). */
  source?: string;
  /**
   * Every copy of a story as a result of its own. By default each story is one result (its best
   * copy, by the sort), the copies counted, and facets count stories.
   */
  all?: boolean;
}

export const MAX_PAGE_SIZE = 100;
export const MAX_WINDOW = 10_000;

const FACET_SIZE = 10;

/**
 * Builds the _search body for articles. Users' text goes through simple_query_string, which
 * never throws on bad syntax (unlike query_string) and cannot reach arbitrary fields.
 * Quotations are nested so "quotes by X containing Y" matches within one quotation; the
 * matching ones come back as inner hits.
 */
export function buildArticleSearch(p: ArticleSearchParams): Json {
  const size = Math.min(Math.max(p.size ?? 10, 0), MAX_PAGE_SIZE);
  const from = Math.max(p.from ?? 0, 0);
  if (from + size > MAX_WINDOW) throw new RangeError(`from + size must be at most ${MAX_WINDOW}`);

  const q = p.q?.trim();
  const must: Json[] = q
    ? [{ simple_query_string: { query: q, fields: ['title^3', 'excerpt^2', 'text', 'authors', 'image.caption'], default_operator: 'and' } }]
    : [];
  const filter: Json[] = [];
  const should: Json[] = [];
  const folded = (field: string, value: string): Json => ({ term: { [`${field}.folded`]: value } });

  if (p.person) filter.push(folded('people', p.person));
  if (p.organization) filter.push(folded('organizations', p.organization));
  if (p.location) filter.push(folded('locations', p.location));
  if (p.site) filter.push({ bool: { should: [{ term: { site: p.site.toLowerCase() } }, { term: { siteName: p.site } }] } });
  if (p.lang) filter.push({ term: { lang: p.lang } });
  if (p.access) filter.push({ term: { access: p.access } });
  if (p.source) filter.push({ term: { 'source.id': p.source } });
  if (p.since || p.until) filter.push({ range: { date: { ...(p.since ? { gte: p.since } : {}), ...(p.until ? { lte: p.until } : {}) } } });

  // Quotations are nested, so speaker and words must hold within one quotation. The article
  // must quote the speaker; its matching quotations (by the speaker and, when words are given,
  // containing them) come back as inner hits.
  const quoteClauses: Json[] = [];
  if (q) quoteClauses.push({ simple_query_string: { query: q, fields: ['quotes.text'], default_operator: 'and' } });
  if (p.speaker) quoteClauses.push(folded('quotes.speaker', p.speaker));
  if (p.speaker) filter.push({ nested: { path: 'quotes', query: folded('quotes.speaker', p.speaker) } });
  if (quoteClauses.length > 0) {
    should.push({
      nested: {
        path: 'quotes',
        query: { bool: { must: quoteClauses } },
        inner_hits: { name: 'quotes', size: 10, _source: true, highlight: { fields: { 'quotes.text': { number_of_fragments: 0 } } } },
      },
    });
  }

  const body: Json = {
    from,
    size,
    track_total_hits: true,
    query: { bool: { must: must.length ? must : [{ match_all: {} }], filter, should } },
    _source: { excludes: ['html', 'text'] },
    highlight: {
      pre_tags: ['<mark>'],
      post_tags: ['</mark>'],
      fields: { text: { fragment_size: 180, number_of_fragments: 2 }, title: { number_of_fragments: 0 } },
    },
  };
  if (p.sort === 'date' || !q) body.sort = [{ date: { order: 'desc' } }, '_score'];
  const byStory = !p.all;
  if (byStory) {
    // One hit per story, done by the engine (field collapsing, the same in Elasticsearch and
    // OpenSearch); the group's inner hits total is the story's number of matching copies.
    body.collapse = { field: 'storyId', inner_hits: { name: STORY_COPIES, size: 0 } };
  }
  if (p.facets || byStory) body.aggs = { ...(p.facets ? facetAggs(byStory) : {}), ...(byStory ? { [STORY_COUNT]: storyCount() } : {}) };
  return body;
}

/** The collapsed search's inner hits name (copies per story) and its story-count aggregation. */
export const STORY_COPIES = 'copies';
export const STORY_COUNT = 'stories';

/** Exact up to 40,000 stories (the engines' highest precision threshold), approximate beyond. */
const storyCount = (): Json => ({ cardinality: { field: 'storyId', precision_threshold: 40_000 } });

function facetAggs(byStory: boolean): Json {
  // By story: each bucket also counts its distinct stories, and the top buckets are the ones with most.
  const stories = byStory ? { aggs: { [STORY_COUNT]: storyCount() } } : {};
  const terms = (field: string) => ({
    terms: { field, size: FACET_SIZE, ...(byStory ? { order: [{ [STORY_COUNT]: 'desc' }, { _key: 'asc' }] } : {}) },
    ...stories,
  });
  return {
    people: terms('people'),
    organizations: terms('organizations'),
    locations: terms('locations'),
    speakers: terms('speakers'),
    sites: terms('site'),
    languages: terms('lang'),
    perDay: { date_histogram: { field: 'date', calendar_interval: 'day', min_doc_count: 1 }, ...stories },
  };
}

export type SearchHit = SearchHits['hits'][number];

export interface ArticleHit extends SearchHit {
  /** Copies of this hit's story among the matches (1 with `all`, where each copy is a hit). */
  copies: number;
}

export interface ArticleSearchResult extends SearchHits {
  /** Stories that match (one result each); with `all`, documents. */
  total: number;
  /** Documents that match, every copy counted. */
  documents: number;
  hits: ArticleHit[];
}

interface Bucket extends Json {
  doc_count: number;
}

/**
 * Reads a search built by `buildArticleSearch`: by story, `total` is the number of stories,
 * each hit says how many copies its story has, and every facet bucket's `doc_count` is its
 * number of stories (its documents are kept as `documents`).
 */
export function readArticleSearch(found: SearchHits, p: Pick<ArticleSearchParams, 'all'>): ArticleSearchResult {
  if (p.all) return { ...found, documents: found.total, hits: found.hits.map((h) => ({ ...h, copies: 1 })) };
  const { [STORY_COUNT]: count, ...facets } = found.aggregations;
  const storyCountOf = (x: unknown): number | undefined => (x as { value?: number } | undefined)?.value;
  const byStory = (agg: unknown): unknown => {
    const buckets = (agg as { buckets?: unknown } | null)?.buckets;
    if (!Array.isArray(buckets)) return agg;
    return {
      ...(agg as Json),
      buckets: (buckets as Bucket[]).map(({ [STORY_COUNT]: stories, ...b }) => ({
        ...b,
        doc_count: storyCountOf(stories) ?? b.doc_count,
        documents: b.doc_count,
      })),
    };
  };
  return {
    total: storyCountOf(count) ?? found.total,
    documents: found.total,
    aggregations: Object.fromEntries(Object.entries(facets).map(([name, agg]) => [name, byStory(agg)])),
    hits: found.hits.map((h) => ({ ...h, copies: Math.max(1, h.innerTotals?.[STORY_COPIES] ?? 1) })),
  };
}

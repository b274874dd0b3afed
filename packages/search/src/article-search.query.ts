import type { Json } from './search.port';

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
  if (p.facets) body.aggs = facetAggs();
  return body;
}

function facetAggs(): Json {
  const terms = (field: string) => ({ terms: { field, size: FACET_SIZE } });
  return {
    people: terms('people'),
    organizations: terms('organizations'),
    locations: terms('locations'),
    speakers: terms('speakers'),
    sites: terms('site'),
    languages: terms('lang'),
    perDay: { date_histogram: { field: 'date', calendar_interval: 'day', min_doc_count: 1 } },
  };
}

import { MAX_PAGE_SIZE, MAX_WINDOW } from '@newsflow/search';
import { quoteQuerySchema, searchQuerySchema } from './api.schemas';
import { error, json, queryParameters, read, type PathOperations } from './openapi.kit';

const QUERY_DOCS = {
  q: 'Words to find (simple_query_string syntax: "phrase", -not, a | b; never raw query_string)',
  person: 'Only articles naming this person (canonical name, any case)',
  organization: 'Only articles naming this organisation (canonical name, any case)',
  location: 'Only articles naming this place (canonical name, any case)',
  speaker: 'Only quotations by this speaker (canonical name, any case)',
  site: 'Host name (news.example.com) or site name',
  lang: 'Primary language subtag such as en (documents keep the full tag, en-US, in langTag)',
  access: 'free or paywalled',
  source: 'Only articles found by this followed source: its id, or its URL (any spelling that normalises to it)',
  since:
    'Article date on or after (ISO 8601 date or date-time). The article date is the publication date, else the modification date, else the fetch time: see dateSource',
  until: 'Article date on or before (ISO 8601 date or date-time); the same article date as since',
  sort: 'relevance (the default with words) or date (newest first by the article date, which is the fetch time for an article without a publication or modification date; the default without words)',
  from: `Offset of the first result; from + size ≤ ${MAX_WINDOW}`,
  size: `Results per page, at most ${MAX_PAGE_SIZE}`,
  all: 'true: every copy of a story is a result of its own; by default (false) each story is one result (its best copy by the sort) with its number of copies, and total and facets count stories',
};

export const SEARCH_PATHS: PathOperations = {
  '/search': {
    get: read({
      operationId: 'searchArticles',
      tags: ['search'],
      summary: 'Search articles: words, filters, facets, highlights, sorting and paging',
      parameters: queryParameters(searchQuerySchema, QUERY_DOCS),
      responses: {
        200: json('SearchResponse', 'Results'),
        400: error('Invalid parameters'),
        503: error('Search engine unavailable'),
      },
    }),
  },
  '/quotes': {
    get: read({
      operationId: 'searchQuotes',
      tags: ['search'],
      summary: 'Search quotations themselves (who said what), each with its article',
      description: 'Paged over quotations. Newest articles first (quotations in article order) unless words are given or sort=relevance.',
      parameters: queryParameters(quoteQuerySchema, QUERY_DOCS),
      responses: {
        200: json('QuotesResponse', 'Quotations'),
        400: error('Invalid parameters'),
        503: error('Search engine unavailable'),
      },
    }),
  },
};

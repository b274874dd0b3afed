import { z } from 'zod';
import { ARTICLE_ID_PATTERN } from '@newsflow/contracts';
import { MAX_PAGE_SIZE, MAX_WINDOW } from '@newsflow/search';
import { enqueueBodySchema, quoteQuerySchema, searchQuerySchema } from './api.schemas';
import { SOURCE_PATHS, SOURCE_SCHEMAS } from './sources.openapi';

type Json = Record<string, unknown>;

/**
 * Prefixes under which a mounted application serves routes of its own (Bull Board's JSON API
 * and assets, the UI's static files): documented once, at the prefix.
 */
export const OPENAPI_MOUNTS = ['/admin/queues', '/ui/assets'];

const QUERY_DOCS: Record<string, string> = {
  q: 'Words to find (simple_query_string syntax: "phrase", -not, a | b; never raw query_string)',
  person: 'Only articles naming this person (canonical name, any case)',
  organization: 'Only articles naming this organisation (canonical name, any case)',
  location: 'Only articles naming this place (canonical name, any case)',
  speaker: 'Only quotations by this speaker (canonical name, any case)',
  site: 'Host name (news.example.com) or site name',
  lang: 'Primary language subtag such as en (documents keep the full tag, en-US, in langTag)',
  access: 'free or paywalled',
  since: 'Article date on or after (ISO 8601 date or date-time). The article date is the publication date, else the modification date, else the fetch time: see dateSource',
  until: 'Article date on or before (ISO 8601 date or date-time); the same article date as since',
  sort: 'relevance (the default with words) or date (newest first by the article date, which is the fetch time for an article without a publication or modification date; the default without words)',
  from: `Offset of the first result; from + size ≤ ${MAX_WINDOW}`,
  size: `Results per page, at most ${MAX_PAGE_SIZE}`,
  all: 'true: every copy of a story is a result of its own; by default (false) each story is one result (its best copy by the sort) with its number of copies, and total and facets count stories',
};

/** Query parameters straight from the zod schemas the routes validate with, so the two agree. */
function queryParameters(schema: z.ZodObject): Json[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { $schema: _, ...jsonSchema } = z.toJSONSchema(field as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Json;
    return { name, in: 'query', required: false, description: QUERY_DOCS[name] ?? name, schema: jsonSchema };
  });
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description: string): Json => ({ description, content: { 'application/json': { schema } } });
const html = (description: string): Json => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
const error = (description: string): Json => json(ref('Error'), description);
const idParam: Json = { name: 'id', in: 'path', required: true, description: 'Article id: the first 128 bits of the normalised URL’s SHA-256, hex', schema: { type: 'string', pattern: ARTICLE_ID_PATTERN.source } };
const str = { type: 'string' };
const nullable = (schema: Json): Json => ({ anyOf: [schema, { type: 'null' }] });
const strings = { type: 'array', items: str };

const components: Json = {
  securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'API_TOKEN (writes; admin routes)' } },
  schemas: {
    Error: {
      type: 'object',
      description: 'Every error the API answers, whichever route or layer refuses (400, 401, 403, 404, 405, 413, 415, 429, 500, 503): one message for a person',
      properties: { error: str },
      required: ['error'],
      additionalProperties: false,
    },
    Entity: {
      type: 'object',
      properties: { name: str, type: { enum: ['PERSON', 'ORGANIZATION', 'LOCATION'] }, mentions: strings, mentionCount: { type: 'integer' } },
    },
    Quote: {
      type: 'object',
      properties: {
        text: str,
        speaker: nullable(str),
        speakerType: nullable({ enum: ['PERSON', 'ORGANIZATION', 'LOCATION'] }),
        kind: { enum: ['direct', 'partial'] },
        cue: nullable(str),
      },
    },
    Article: {
      type: 'object',
      description: 'The indexed document',
      properties: {
        id: { type: 'string', description: 'From the canonical URL; may differ from the article id a URL was enqueued under' },
        urlIds: { ...strings, description: 'The ids of the enqueued URLs that reached this article' },
        storyId: { type: 'string', description: 'The story this article is a copy of: the id of its first copy indexed (its own id when it is the first)' },
        url: str, finalUrl: str, canonicalUrl: nullable(str), site: str, siteName: nullable(str), title: str,
        byline: nullable(str), authors: strings,
        publishedAt: nullable({ type: 'string', description: 'ISO 8601 as the page gave it: a day, or a time with its own zone; null when the page gives no publication date' }),
        modifiedAt: nullable(str),
        date: { type: 'string', description: 'What date filters and sorting use: publishedAt, else modifiedAt, else fetchedAt (see dateSource)' },
        dateSource: { enum: ['published', 'modified', 'fetched'], description: 'Where date came from (absent in documents indexed before it existed)' },
        lang: nullable({ type: 'string', description: 'BCP 47 primary language subtag: en' }),
        langTag: nullable({ type: 'string', description: 'The full language tag the page declares: en-US' }),
        section: nullable(str), keywords: strings, access: { enum: ['free', 'paywalled'] },
        image: nullable({ type: 'object', properties: { url: str, caption: nullable(str) } }),
        excerpt: nullable(str), text: { type: 'string', description: 'Clean text' },
        html: { type: 'string', description: 'Clean HTML from the page: untrusted, sanitise before display' },
        wordCount: { type: 'integer' }, entities: { type: 'array', items: ref('Entity') }, quotes: { type: 'array', items: ref('Quote') },
        people: strings, organizations: strings, locations: strings, speakers: strings, fetchedAt: str, indexedAt: str,
        trace: { type: 'array', items: ref('TraceEvent'), description: 'The pipeline’s trace up to indexing' },
      },
    },
    TraceEvent: {
      type: 'object',
      properties: { stage: str, event: { enum: ['queued', 'started', 'completed', 'retrying', 'postponed', 'failed'] }, at: str, attempt: { type: 'integer' }, detail: str },
    },
    Readiness: {
      type: 'object',
      description: 'The shape the workers serve on HEALTH_PORT too, with each part by name',
      properties: { ready: { type: 'boolean' }, away: { ...strings, description: 'The parts that do not answer: redis, search' }, redis: { type: 'boolean' }, search: { type: 'boolean' } },
      required: ['ready', 'away'],
    },
    ArticleState: { enum: ['queued', 'fetching', 'extracting', 'enriching', 'indexing', 'done', 'failed'] },
    Bucket: {
      type: 'object',
      properties: {
        key: {},
        key_as_string: str,
        doc_count: { type: 'integer', description: 'Stories with this value (documents with all=true)' },
        documents: { type: 'integer', description: 'Documents with this value, every copy counted (by story only)' },
      },
    },
    StoryCopy: {
      type: 'object',
      description: 'Another copy of the article’s story',
      properties: { id: str, url: str, site: str, siteName: nullable(str), title: str, date: str },
    },
    ...SOURCE_SCHEMAS,
  },
};

const facets = {
  type: 'object',
  description: 'Top values: people, organizations, locations, speakers, sites, languages, and perDay (date histogram); by story (the default) each bucket counts stories, the top values are those with most stories, and the count is exact up to 40,000 stories',
  additionalProperties: { type: 'object', properties: { buckets: { type: 'array', items: ref('Bucket') } } },
};

/** Every route newsflow's API may register, keyed by OpenAPI path and method. */
const PATHS: Record<string, Record<string, Json>> = {
  ...SOURCE_PATHS,
  '/articles': {
    post: {
      summary: 'Enqueue an article URL',
      security: [{ bearer: [] }, {}],
      description: `Needs the bearer token when API_TOKEN is set. Rate-limited per client (API_ENQUEUE_RATE_PER_MINUTE).`,
      requestBody: { required: true, content: { 'application/json': { schema: (({ $schema: _, ...s }) => s)(z.toJSONSchema(enqueueBodySchema, { io: 'input' }) as Json) } } },
      responses: {
        202: json(
          {
            type: 'object',
            properties: { id: str, url: str, status: { enum: ['queued', 'in-flight'] }, warning: str, links: { type: 'object', properties: { self: str } } },
          },
          'Accepted: queued, or already in the pipeline',
        ),
        400: error('Malformed body (a __proto__ or constructor.prototype key is dropped, not refused), or a URL over 8192 characters once normalised (nothing queued)'),
        401: error('Token missing or wrong'),
        413: error('Body over 64 KiB'),
        415: error('Body not application/json'),
        429: error('Too many enqueues from this client; see the Retry-After header'),
        503: error('Redis unavailable, or full (maxmemory reached; see the Retry-After header)'),
      },
    },
  },
  '/articles/{id}': {
    get: {
      summary: 'An article’s state, failure reason, trace, and its document once indexed',
      parameters: [idParam],
      responses: {
        200: json(
          {
            type: 'object',
            properties: {
              id: str, url: str, state: ref('ArticleState'), stage: nullable(str), reason: nullable(str), updatedAt: nullable(str),
              trace: { type: 'array', items: ref('TraceEvent') }, document: nullable(ref('Article')),
              copies: { type: 'array', items: ref('StoryCopy'), description: 'The other copies of the document’s story, earliest first (at most 100)' },
            },
          },
          'The article',
        ),
        400: error('Not an article id'),
        404: error('Unknown article'),
      },
    },
  },
  '/articles/{id}/trace': {
    get: {
      summary: 'Each stage attempt’s start, end, attempt number and outcome',
      parameters: [idParam],
      responses: {
        200: json(
          {
            type: 'object',
            properties: {
              id: str, url: str, state: ref('ArticleState'), reason: nullable(str), queuedAt: nullable(str),
              stages: { type: 'array', items: { type: 'object', additionalProperties: true } },
            },
          },
          'The trace',
        ),
        400: error('Not an article id'),
        404: error('No trace (never enqueued, or expired)'),
      },
    },
  },
  '/search': {
    get: {
      summary: 'Search articles: words, filters, facets, highlights, sorting and paging',
      parameters: queryParameters(searchQuerySchema),
      responses: {
        200: json(
          {
            type: 'object',
            properties: {
              total: { type: 'integer', description: 'Stories that match (documents with all=true); exact up to 40,000 stories' },
              documents: { type: 'integer', description: 'Documents that match, every copy counted' },
              results: {
                type: 'array',
                items: {
                  allOf: [
                    ref('Article'),
                    {
                      type: 'object',
                      description: 'The document without text and html, with its score, highlights and matching quotations',
                      properties: {
                        score: nullable({ type: 'number' }),
                        copies: { type: 'integer', description: 'Copies of this story among the matches (1 with all=true)' },
                        highlight: { type: 'object', description: 'Fragments by field, matches in <mark>…</mark>; everything else is unescaped page text', additionalProperties: strings },
                        matchingQuotes: { type: 'array', items: ref('Quote') },
                      },
                    },
                  ],
                },
              },
              facets,
            },
          },
          'Results',
        ),
        400: error('Invalid parameters'),
        503: error('Search engine unavailable'),
      },
    },
  },
  '/quotes': {
    get: {
      summary: 'Search quotations themselves (who said what), each with its article',
      description: 'Paged over quotations. Newest articles first (quotations in article order) unless words are given or sort=relevance.',
      parameters: queryParameters(quoteQuerySchema),
      responses: {
        200: json(
          {
            type: 'object',
            properties: {
              total: { type: 'integer', description: 'Matching quotations' },
              quotes: {
                type: 'array',
                items: {
                  allOf: [
                    ref('Quote'),
                    {
                      type: 'object',
                      properties: {
                        highlight: nullable({ type: 'string', description: 'The quotation with matched words in <mark>…</mark>' }),
                        article: { type: 'object', properties: { id: str, title: str, url: str, date: str, dateSource: nullable({ enum: ['published', 'modified', 'fetched'] }), site: str, siteName: nullable(str) } },
                      },
                    },
                  ],
                },
              },
              facets: {
                type: 'object',
                properties: {
                  speakers: { type: 'array', description: 'Top speakers of the matching quotations, ignoring the speaker filter', items: { type: 'object', properties: { key: str, count: { type: 'integer' } } } },
                },
              },
            },
          },
          'Quotations',
        ),
        400: error('Invalid parameters'),
        503: error('Search engine unavailable'),
      },
    },
  },
  '/healthz': { get: { summary: 'Alive', responses: { 200: json({ type: 'object', properties: { status: { const: 'ok' } } }, 'Alive') } } },
  '/readyz': {
    get: {
      summary: 'Ready: Redis and the search engine answer',
      responses: {
        200: json(ref('Readiness'), 'Ready'),
        503: json(ref('Readiness'), 'Not ready: `away` names the parts that do not answer'),
      },
    },
  },
  '/metrics': { get: { summary: 'Prometheus metrics (text exposition format)', responses: { 200: { description: 'Metrics', content: { 'text/plain': { schema: str } } } } } },
  '/admin/queues': {
    get: {
      summary: 'Bull Board: the queues dashboard (its assets and JSON API live under this prefix)',
      security: [{ bearer: [] }],
      description: 'Served with its own Content-Security-Policy (frame-ancestors \'none\'). `?token=<API_TOKEN>` once sets an HttpOnly session cookie (Secure when the request came over TLS, read from X-Forwarded-Proto with API_TRUST_PROXY) and redirects (303) to the address without it.',
      responses: { 200: html('The dashboard'), 303: { description: 'Signed in with ?token=: redirected without it' }, 401: error('Admin token missing or wrong'), 403: error('No API_TOKEN set (and API_ADMIN_OPEN not true)') },
    },
  },
  '/openapi.json': { get: { summary: 'This document', responses: { 200: json({ type: 'object' }, 'OpenAPI 3.1 document') } } },
  '/': { get: { summary: 'Web UI: search articles, with facets and highlights', responses: { 200: html('The search page') } } },
  '/ui/article': {
    get: {
      summary: 'Web UI: one article, its text with quotations marked and attributed, and its entities',
      parameters: [{ name: 'id', in: 'query', required: true, schema: idParam.schema }],
      responses: { 200: html('The article page') },
    },
  },
  '/ui/quotes': { get: { summary: 'Web UI: who said what, filterable by speaker', responses: { 200: html('The quotations page') } } },
  '/ui/enqueue': { get: { summary: 'Web UI: enqueue URLs and follow their progress', responses: { 200: html('The enqueue page') } } },
  '/ui/assets/{file}': {
    get: {
      summary: 'Web UI scripts, styles and the DOMPurify browser build',
      parameters: [{ name: 'file', in: 'path', required: true, schema: str }],
      responses: { 200: { description: 'A static file' }, 404: { description: 'No such file' } },
    },
  },
};

/** Fastify's `/articles/:id` as OpenAPI's `/articles/{id}`. */
export function toOpenApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\/\*$/, '/{file}');
}

/** The route a registered Fastify route is documented under: itself, or the mount it belongs to. */
export function documentedPathOf(url: string): string {
  const mount = OPENAPI_MOUNTS.find((m) => url === m || url.startsWith(`${m}/`));
  if (mount === '/ui/assets') return '/ui/assets/{file}';
  return mount ?? toOpenApiPath(url).replace(/(.)\/$/, '$1');
}

/**
 * The OpenAPI document for the routes this app actually registered (optional routes such as
 * /metrics appear only when they are served).
 */
export function buildOpenApiDocument(registered: { method: string; url: string }[]): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of registered) {
    const path = documentedPathOf(r.url);
    const method = r.method.toLowerCase();
    const op = PATHS[path]?.[method] ?? (OPENAPI_MOUNTS.some((m) => path === m || path.startsWith(m)) ? PATHS[path]?.get : undefined);
    if (!op) continue;
    paths[path] = { ...paths[path], [PATHS[path]?.[method] ? method : 'get']: op };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'newsflow',
      version: '0.1.0',
      description:
        'Enqueue news article URLs; search the articles, their entities and attributed quotations. Every error is `{"error": "<message>"}` (components/schemas/Error); an unknown path is 404, and a method a path does not take is 405 with an Allow header listing the ones it does.',
    },
    paths,
    components,
  };
}

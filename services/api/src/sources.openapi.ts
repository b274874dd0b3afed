import { z } from 'zod';
import { POLL_STATUSES, SOURCE_ID_PATTERN, SOURCE_KINDS } from '@newsflow/contracts';
import { sourceBodySchema } from './sources.routes';

type Json = Record<string, unknown>;

// The sources routes' part of the OpenAPI document, kept beside them (openapi.document.ts
// spreads these in).
const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description: string): Json => ({ description, content: { 'application/json': { schema } } });
const error = (description: string): Json => json(ref('Error'), description);
const str = { type: 'string' };
const nullable = (schema: Json): Json => ({ anyOf: [schema, { type: 'null' }] });
const count = { type: 'integer', minimum: 0 };
const idParam: Json = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'Source id: the first 128 bits of the normalised URL’s SHA-256, hex (as GET /sources lists)',
  schema: { type: 'string', pattern: SOURCE_ID_PATTERN.source },
};

export const SOURCE_SCHEMAS: Record<string, Json> = {
  Source: {
    type: 'object',
    properties: {
      id: str,
      url: str,
      kind: nullable({ enum: [...SOURCE_KINDS], description: 'Learnt on the first poll; null until then' }),
      every: { type: 'string', description: 'Poll interval, as given: 15m, 1h30m…' },
      everyMs: { type: 'integer' },
      addedAt: str,
      endpoints: { type: 'array', items: str, description: 'For a site: the feeds and sitemaps its last poll found' },
      lastPoll: nullable(ref('SourcePoll')),
      enqueuedTotal: { ...count, description: 'URLs enqueued since the source was added' },
      nextPollAt: nullable(str),
    },
    required: ['id', 'url', 'kind', 'every', 'lastPoll'],
  },
  SourcePoll: {
    type: 'object',
    properties: {
      at: str,
      ms: { type: 'integer' },
      status: { enum: [...POLL_STATUSES], description: 'partial: URLs were found, but something went wrong (see error); failed: nothing could be read' },
      error: nullable({ type: 'string', description: 'What went wrong, per document' }),
      documents: { ...count, description: 'Feeds, sitemaps and pages read' },
      found: { ...count, description: 'Article URLs listed' },
      fresh: { ...count, description: 'Of those, never seen from this source, or their lastmod/updated moved' },
      enqueued: { ...count, description: 'Of those, enqueued by this poll (DISCOVER_MAX_NEW_PER_POLL at most; the rest next time)' },
    },
  },
};

const writes = { security: [{ bearer: [] }, {}] };

export const SOURCE_PATHS: Record<string, Record<string, Json>> = {
  '/ui/sources': {
    get: { summary: 'Web UI: follow a feed, sitemap or site; each source’s last poll; poll now, remove', responses: { 200: { description: 'The sources page', content: { 'text/html': { schema: str } } } } },
  },
  '/sources': {
    post: {
      summary: 'Follow a feed, a sitemap, or a site (its feeds and sitemaps are found on each poll)',
      description: 'Polled every `every` (default 15m) by the discover service, the first time at once; adding a source again sets its interval. Needs the bearer token when API_TOKEN is set.',
      ...writes,
      requestBody: { required: true, content: { 'application/json': { schema: (({ $schema: _, ...s }) => s)(z.toJSONSchema(sourceBodySchema, { io: 'input' }) as Json) } } },
      responses: {
        201: json(ref('Source'), 'Followed'),
        200: json(ref('Source'), 'Already followed: its interval set'),
        400: error('Malformed body, a URL that is not http(s), or an interval out of bounds'),
        401: error('Token missing or wrong'),
        503: error('Redis unavailable'),
      },
    },
    get: {
      summary: 'Every source, with its last poll: status or error, URLs found and enqueued',
      responses: { 200: json({ type: 'object', properties: { sources: { type: 'array', items: ref('Source') } } }, 'The sources, oldest first'), 503: error('Redis unavailable') },
    },
  },
  '/sources/{id}': {
    get: { summary: 'One source', parameters: [idParam], responses: { 200: json(ref('Source'), 'The source'), 400: error('Not a source id'), 404: error('Unknown source') } },
    delete: {
      summary: 'Stop following a source, and forget the URLs it has seen',
      ...writes,
      parameters: [idParam],
      responses: { 204: { description: 'Removed' }, 400: error('Not a source id'), 401: error('Token missing or wrong'), 404: error('Unknown source') },
    },
  },
  '/sources/{id}/poll': {
    post: {
      summary: 'Poll a source now, besides its schedule',
      ...writes,
      parameters: [idParam],
      responses: {
        202: json({ type: 'object', properties: { id: str, url: str, status: { const: 'queued' }, links: { type: 'object', properties: { self: str } } } }, 'The poll is queued; GET /sources/{id} shows its outcome'),
        400: error('Not a source id'),
        401: error('Token missing or wrong'),
        404: error('Unknown source'),
      },
    },
  },
};

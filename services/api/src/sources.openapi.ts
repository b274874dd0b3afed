import { error, json, noBody, pathParameter, read, requestBody, write, type PathOperations } from './openapi.kit';
import { sourceBodySchema, sourceIdSchema } from './sources.schemas';

// The sources routes' part of the OpenAPI document, kept beside them (openapi.document.ts
// spreads these in).
const idParam = pathParameter(
  'id',
  sourceIdSchema,
  'Source id: the first 128 bits of the normalised URL’s SHA-256, hex (as GET /sources lists)',
);

export const SOURCE_PATHS: PathOperations = {
  '/sources': {
    post: write({
      operationId: 'addSource',
      tags: ['sources'],
      summary: 'Follow a feed, a sitemap, or a site (its feeds and sitemaps are found on each poll)',
      description:
        'Polled every `every` (default 15m) by the discover service, the first time at once; adding a source again sets its interval. Needs the bearer token when API_TOKEN is set.',
      requestBody: requestBody(sourceBodySchema),
      responses: {
        200: json('Source', 'Already followed: its interval set'),
        201: json('Source', 'Followed'),
        400: error('Malformed body, a URL that is not http(s), or an interval out of bounds'),
        413: error('Body over 64 KiB'),
        415: error('Body not application/json'),
        503: error('Redis unavailable'),
      },
    }),
    get: read({
      operationId: 'listSources',
      tags: ['sources'],
      summary: 'Every source, with its last poll: status or error, URLs found and enqueued',
      responses: { 200: json('SourceList', 'The sources, oldest first'), 503: error('Redis unavailable') },
    }),
  },
  '/sources/{id}': {
    get: read({
      operationId: 'getSource',
      tags: ['sources'],
      summary: 'One source',
      parameters: [idParam],
      responses: {
        200: json('Source', 'The source'),
        400: error('Not a source id'),
        404: error('Unknown source'),
        503: error('Redis unavailable'),
      },
    }),
    delete: write({
      operationId: 'removeSource',
      tags: ['sources'],
      summary: 'Stop following a source, and forget the URLs it has seen',
      parameters: [idParam],
      responses: { 204: noBody('Removed'), 400: error('Not a source id'), 404: error('Unknown source'), 503: error('Redis unavailable') },
    }),
  },
  '/sources/{id}/poll': {
    post: write({
      operationId: 'pollSource',
      tags: ['sources'],
      summary: 'Poll a source now, besides its schedule',
      parameters: [idParam],
      responses: {
        202: json('PollAccepted', 'The poll is queued; GET /sources/{id} shows its outcome'),
        400: error('Not a source id'),
        404: error('Unknown source'),
        // No body is needed, but one sent is still parsed (and refused) before the route runs.
        413: error('A body sent over 64 KiB'),
        415: error('A body sent that is not application/json'),
        503: error('Redis unavailable'),
      },
    }),
  },
};

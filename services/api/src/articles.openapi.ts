import { articleIdSchema, enqueueBodySchema } from './api.schemas';
import { error, json, pathParameter, read, requestBody, write, type PathOperations } from './openapi.kit';

const idParam = pathParameter('id', articleIdSchema, 'Article id: the first 128 bits of the normalised URL’s SHA-256, hex');

export const ARTICLE_PATHS: PathOperations = {
  '/articles': {
    post: write({
      operationId: 'enqueueArticle',
      tags: ['articles'],
      summary: 'Enqueue an article URL',
      description: 'Needs the bearer token when API_TOKEN is set. Rate-limited per client (API_ENQUEUE_RATE_PER_MINUTE).',
      requestBody: requestBody(enqueueBodySchema),
      responses: {
        202: json('EnqueueAccepted', 'Accepted: queued, or already in the pipeline'),
        400: error(
          'Malformed body (a __proto__ or constructor.prototype key is dropped, not refused), or a URL over 8192 characters once normalised (nothing queued)',
        ),
        413: error('Body over 64 KiB'),
        415: error('Body not application/json'),
        429: error('Too many enqueues from this client; see the Retry-After header'),
        503: error('Redis unavailable, or full (maxmemory reached; see the Retry-After header)'),
      },
    }),
  },
  '/articles/{id}': {
    get: read({
      operationId: 'getArticle',
      tags: ['articles'],
      summary: 'An article’s state, failure reason, trace, and its document once indexed',
      parameters: [idParam],
      responses: {
        200: json('ArticleView', 'The article'),
        400: error('Not an article id'),
        404: error('Unknown article'),
        503: error('Redis unavailable'),
      },
    }),
  },
  '/articles/{id}/trace': {
    get: read({
      operationId: 'getArticleTrace',
      tags: ['articles'],
      summary: 'Each stage attempt’s start, end, attempt number and outcome',
      parameters: [idParam],
      responses: {
        200: json('ArticleTrace', 'The trace'),
        400: error('Not an article id'),
        404: error('No trace (never enqueued, or expired)'),
        503: error('Redis unavailable'),
      },
    }),
  },
};

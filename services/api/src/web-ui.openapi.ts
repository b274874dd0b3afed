import { z } from 'zod';
import { articleIdSchema } from './api.schemas';
import { error, html, jsonSchemaOf, pathParameter, read, type PathOperations } from './openapi.kit';

const page = (operationId: string, summary: string, description: string, extra: { parameters?: Record<string, unknown>[] } = {}) => ({
  get: read({ operationId, tags: ['web-ui'], summary, ...extra, responses: { 200: html(description) } }),
});

export const WEB_UI_PATHS: PathOperations = {
  '/': page('webUiSearchPage', 'Web UI: search articles, with facets and highlights', 'The search page'),
  '/ui/article': page(
    'webUiArticlePage',
    'Web UI: one article, its text with quotations marked and attributed, and its entities',
    'The article page',
    {
      // Read by the page's script, not by the server (which serves the same page whatever it is).
      parameters: [
        { name: 'id', in: 'query', required: false, description: 'The article to show', schema: jsonSchemaOf(articleIdSchema, 'input') },
      ],
    },
  ),
  '/ui/quotes': page('webUiQuotesPage', 'Web UI: who said what, filterable by speaker', 'The quotations page'),
  '/ui/enqueue': page('webUiEnqueuePage', 'Web UI: enqueue URLs and follow their progress', 'The enqueue page'),
  '/ui/sources': page(
    'webUiSourcesPage',
    'Web UI: follow a feed, sitemap or site; each source’s last poll; poll now, remove',
    'The sources page',
  ),
  '/ui/assets/{file}': {
    get: read({
      operationId: 'getUiAsset',
      tags: ['web-ui'],
      summary: 'Web UI scripts, styles and the DOMPurify browser build',
      parameters: [pathParameter('file', z.string(), 'The file’s name')],
      responses: {
        200: {
          description: 'A static file',
          content: {
            'application/javascript': { schema: jsonSchemaOf(z.string()) },
            'text/javascript': { schema: jsonSchemaOf(z.string()) },
            'text/css': { schema: jsonSchemaOf(z.string()) },
          },
        },
        404: error('No such file'),
      },
    }),
  },
};

import type { FastifyInstance } from 'fastify';
import { MAX_WINDOW } from '@newsflow/search';
import type { ApiDeps } from './api.deps';
import { formatIssues, quoteQuerySchema } from './api.schemas';
import type { QuotesResponse } from './search.responses';

/** GET /quotes: quotations themselves as results (who said what), each with its article. */
export function registerQuoteRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get('/quotes', async (req, reply) => {
    const params = quoteQuerySchema.safeParse(req.query);
    if (!params.success) return reply.code(400).send({ error: formatIssues(params.error) });
    const p = params.data;
    if ((p.from ?? 0) + (p.size ?? 20) > MAX_WINDOW) return reply.code(400).send({ error: `from + size must be at most ${MAX_WINDOW}` });
    const found = await deps.articles.searchQuotes({ ...p, facets: true });
    return { total: found.total, quotes: found.quotes, facets: found.facets } satisfies QuotesResponse;
  });
}

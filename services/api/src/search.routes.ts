import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from './api.deps';
import { formatIssues, searchQuerySchema } from './api.schemas';

export function registerSearchRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get('/search', async (req, reply) => {
    const params = searchQuerySchema.safeParse(req.query);
    if (!params.success) return reply.code(400).send({ error: formatIssues(params.error) });
    const p = params.data;
    if ((p.from ?? 0) + (p.size ?? 10) > 10_000) return reply.code(400).send({ error: 'from + size must be at most 10000' });
    const found = await deps.articles.search({ ...p, facets: true });
    return {
      total: found.total,
      documents: found.documents,
      results: found.hits.map((h) => ({
        id: h.id,
        score: h.score,
        ...h.source,
        copies: h.copies,
        highlight: h.highlight,
        matchingQuotes: (h.innerHits.quotes ?? []).map((q) => q.source),
      })),
      facets: found.aggregations,
    };
  });
}

import type { FastifyInstance } from 'fastify';
import type { ArticleDocument, QuoteField } from '@newsflow/contracts';
import type { ApiDeps } from './api.deps';
import { formatIssues, searchQuerySchema } from './api.schemas';
import type { SearchResponse } from './search.responses';

/** What the search asks the engine for: the document without its text and html. */
type ListedDocument = Omit<ArticleDocument, 'text' | 'html'>;

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
        // The engine's sources are untyped JSON; the contract test checks them against the schema.
        ...(h.source as ListedDocument),
        id: h.id,
        score: h.score,
        copies: h.copies,
        highlight: h.highlight,
        matchingQuotes: (h.innerHits.quotes ?? []).map((q) => q.source as unknown as QuoteField),
      })),
      facets: found.aggregations as SearchResponse['facets'],
    } satisfies SearchResponse;
  });
}

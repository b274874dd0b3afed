import type { FastifyInstance } from 'fastify';
import { readArticleStatus, traceSpans } from '@newsflow/runtime';
import type { ApiDeps } from './api.deps';
import { articleIdSchema, formatIssues } from './api.schemas';
import type { ArticleTrace } from './article.responses';

/** GET /articles/:id/trace: each stage attempt's start, end, attempt number and outcome. */
export function registerTraceRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get<{ Params: { id: string } }>('/articles/:id/trace', async (req, reply) => {
    const id = articleIdSchema.safeParse(req.params.id);
    if (!id.success) return reply.code(400).send({ error: formatIssues(id.error) });
    const status = await readArticleStatus(id.data, deps.status, deps.articles);
    if (!status) return reply.code(404).send({ error: `no trace for article ${id.data} (never enqueued, or its status expired)` });
    const queued = status.trace.filter((e) => e.event === 'queued').at(-1);
    return {
      id: id.data,
      url: status.url,
      state: status.state,
      reason: status.reason,
      queuedAt: queued?.at ?? null,
      stages: traceSpans(status.trace),
    } satisfies ArticleTrace;
  });
}

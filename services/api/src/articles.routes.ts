import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { statusFromDocument, UrlTooLongError } from '@newsflow/contracts';
import { enqueueUrl } from '@newsflow/runtime';
import type { ApiDeps } from './api.deps';
import { articleIdSchema, enqueueBodySchema, formatIssues } from './api.schemas';
import { requireToken } from './auth';
import type { ArticleView, EnqueueAccepted } from './article.responses';

export function registerArticleRoutes(app: FastifyInstance, deps: ApiDeps): void {
  // In its own scope so that the rate limit covers enqueueing only.
  void app.register(async (scope) => {
    const rate = deps.enqueueRate;
    if (rate && rate.perMinute > 0) {
      await scope.register(rateLimit, {
        max: rate.perMinute,
        timeWindow: 60_000,
        ...(rate.redis ? { redis: rate.redis, nameSpace: `${rate.prefix ?? 'newsflow'}:ratelimit:` } : {}),
        skipOnError: true, // with Redis away the enqueue itself answers 503
        // Thrown, so the app's error handler answers it like any other 4xx.
        errorResponseBuilder: (_req, ctx) =>
          Object.assign(new Error(`too many enqueue requests: at most ${ctx.max} a minute per client; retry in ${ctx.after}`), {
            statusCode: 429,
          }),
      });
    }
    scope.post('/articles', { preHandler: requireToken(deps.token) }, async (req, reply) => {
      const body = enqueueBodySchema.safeParse(req.body);
      if (!body.success) return reply.code(400).send({ error: `invalid request body: ${formatIssues(body.error)}` });
      let result;
      try {
        result = await enqueueUrl(deps.queues, deps.inflight, deps.status, body.data.url);
      } catch (err) {
        // Grown past the limit once normalised: refused like a malformed body, nothing written.
        if (err instanceof UrlTooLongError) return reply.code(400).send({ error: `invalid url: ${err.message}` });
        throw err;
      }
      return reply.code(202).send({
        id: result.id,
        url: result.url,
        status: result.outcome,
        ...(result.invalid ? { warning: `${result.invalid}; the job will fail` } : {}),
        links: { self: `/articles/${result.id}` },
      } satisfies EnqueueAccepted);
    });
  });

  app.get<{ Params: { id: string } }>('/articles/:id', async (req, reply) => {
    const id = articleIdSchema.safeParse(req.params.id);
    if (!id.success) return reply.code(400).send({ error: formatIssues(id.error) });
    const live = await deps.status.get(id.data);
    const document = await deps.articles.get(live?.documentId ?? id.data).catch(() => null);
    // Once the live record has expired, the document's own trace tells the story.
    const status = live ?? (document ? statusFromDocument(document) : null);
    if (!status) return reply.code(404).send({ error: `no article with id ${id.data}` });
    return {
      id: id.data,
      url: status.url,
      state: status.state,
      stage: status.stage,
      reason: status.reason,
      updatedAt: status.updatedAt,
      trace: status.trace,
      document,
      // The other copies of its story (other sites, other headlines): ids, addresses, sites.
      copies: document ? await deps.articles.copiesOf(document).catch(() => []) : [],
    } satisfies ArticleView;
  });
}

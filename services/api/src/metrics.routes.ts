import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from './api.deps';

/**
 * Prometheus' scrape target. Open like /healthz: it carries counts and timings, no content, and
 * scrapers on the private network should not need the admin token.
 */
export function registerMetricsRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const metrics = deps.metrics;
  if (!metrics) return;
  app.get('/metrics', async (_req, reply) => {
    const m = await metrics.render();
    return reply.header('content-type', m.contentType).send(m.body);
  });
}

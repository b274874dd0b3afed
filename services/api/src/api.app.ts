import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { SearchUnavailableError } from '@newsflow/search';
import type { ApiDeps } from './api.deps';
import { registerArticleRoutes } from './articles.routes';
import { registerHealthRoutes } from './health.routes';
import { registerSearchRoutes } from './search.routes';
import { registerAdminRoutes } from './admin.routes';
import { registerMetricsRoutes } from './metrics.routes';
import { registerTraceRoutes } from './trace.routes';
import { registerOpenApiRoutes } from './openapi.routes';
import { registerQuoteRoutes } from './quotes.routes';
import { registerWebUiRoutes } from './web-ui.routes';
import { requireAdmin } from './admin.auth';
import { RedactingLogController, requestLogger } from './request-log';

/** Builds the HTTP API. Errors from Redis or the engine being away become a quick 503. */
export function buildApiApp(deps: ApiDeps): FastifyInstance {
  const app = Fastify({
    // The request log keeps no secret: `?token=` values and credential headers are redacted.
    loggerInstance: requestLogger(deps.logger) as FastifyBaseLogger,
    logController: new RedactingLogController(),
    bodyLimit: 64 * 1024,
  });
  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown }, req, reply) => {
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send({ error: err.message });
    }
    if (err instanceof SearchUnavailableError) return reply.code(503).send({ error: 'the search engine is unavailable; try again shortly' });
    if (isRedisUnavailable(err)) return reply.code(503).send({ error: 'the queue store (Redis) is unavailable; try again shortly' });
    req.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'internal error' });
  });
  if (deps.token !== null && deps.readsOpen === false) {
    // Reads behind the token too: Bearer for programs; for the web UI, `/?token=…` once sets
    // the same HttpOnly session cookie as the admin pages, for the whole site.
    const guard = requireAdmin({ token: deps.token, open: false, cookiePath: '/', label: 'route (API_READS_OPEN=false)' });
    app.addHook('onRequest', async (req, reply) => {
      // Decided on the route the router matched, never on a path normalised another way: URL
      // parsing reads `/articles/..\..\healthz` as /healthz, the router as /articles/:id.
      const route = req.routeOptions.url;
      if (route !== undefined && OPEN_ROUTES.has(route)) return;
      return guard(req, reply);
    });
  }
  registerOpenApiRoutes(app); // first: it learns the routes registered after it
  registerHealthRoutes(app, deps);
  registerArticleRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerTraceRoutes(app, deps);
  registerMetricsRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerQuoteRoutes(app, deps);
  registerWebUiRoutes(app);
  return app;
}

/** Probes and the API's own description stay open whatever the read setting (route paths). */
const OPEN_ROUTES = new Set(['/healthz', '/readyz', '/metrics', '/openapi.json']);

function isRedisUnavailable(err: Error): boolean {
  return /enableOfflineQueue|Connection is closed|ECONNREFUSED|MaxRetriesPerRequest|Stream isn't writeable|Command timed out/i.test(err.message);
}

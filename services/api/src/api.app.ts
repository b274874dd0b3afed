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

/** Builds the HTTP API. Errors from Redis or the engine being away become a quick 503. */
export function buildApiApp(deps: ApiDeps): FastifyInstance {
  const app = Fastify({ loggerInstance: deps.logger.child({ service: 'api' }) as FastifyBaseLogger, bodyLimit: 64 * 1024 });
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
      if (OPEN_PATHS.has(new URL(req.url, 'http://local').pathname)) return;
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

/** Probes and the API's own description stay open whatever the read setting. */
const OPEN_PATHS = new Set(['/healthz', '/readyz', '/metrics', '/openapi.json']);

function isRedisUnavailable(err: Error): boolean {
  return /enableOfflineQueue|Connection is closed|ECONNREFUSED|MaxRetriesPerRequest|Stream isn't writeable|Command timed out/i.test(err.message);
}

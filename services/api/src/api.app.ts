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
import { registerSourceRoutes } from './sources.routes';
import { registerWebUiRoutes } from './web-ui.routes';
import { requireAdmin } from './admin.auth';
import { RedactingLogController, requestLogger } from './request-log';
import { registerNotFoundHandler } from './not-found.routes';

/** Builds the HTTP API. Errors from Redis or the engine being away become a quick 503. */
export function buildApiApp(deps: ApiDeps): FastifyInstance {
  const logController = new RedactingLogController();
  const app = Fastify({
    // The request log keeps no secret: `?token=` values and credential headers are redacted.
    loggerInstance: requestLogger(deps.logger) as FastifyBaseLogger,
    logController,
    bodyLimit: 64 * 1024,
    // A `__proto__` or `constructor.prototype` key in a JSON body is dropped, as a key of no
    // meaning here, rather than the whole body refused as "not valid JSON" (it is valid JSON);
    // either way it never reaches an object's prototype.
    onProtoPoisoning: 'remove',
    onConstructorPoisoning: 'remove',
    // API_TRUST_PROXY: X-Forwarded-* are believed only from these (client address, https).
    trustProxy: deps.trustProxy ?? false,
  });
  // Every error body has one shape, `{error: "<what went wrong, for a person>"}`: the routes'
  // own refusals, Fastify's (malformed JSON, too large, unsupported media type), 404 and 405.
  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown }, req, reply) => {
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send({ error: err.message });
    }
    if (err instanceof SearchUnavailableError) {
      return reply.code(503).send({ error: 'the search engine is unavailable; try again shortly' });
    }
    if (isRedisUnavailable(err)) return reply.code(503).send({ error: 'the queue store (Redis) is unavailable; try again shortly' });
    // maxmemory reached under noeviction: Redis refuses writes and evicts nothing (no job is lost).
    if (isRedisFull(err)) {
      return reply.code(503).header('retry-after', '60').send({
        error: 'the queue store (Redis) is full (maxmemory reached): nothing new is accepted until the pipeline drains; try again later',
      });
    }
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
  registerNotFoundHandler(app, logController); // (as this does)
  registerHealthRoutes(app, deps);
  registerArticleRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerTraceRoutes(app, deps);
  registerMetricsRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerQuoteRoutes(app, deps);
  registerSourceRoutes(app, deps);
  registerWebUiRoutes(app);
  return app;
}

/** Probes and the API's own description stay open whatever the read setting (route paths). */
const OPEN_ROUTES = new Set(['/healthz', '/readyz', '/metrics', '/openapi.json']);

function isRedisFull(err: Error): boolean {
  return /\bOOM command not allowed\b/.test(err.message);
}

function isRedisUnavailable(err: Error): boolean {
  return /enableOfflineQueue|Connection is closed|ECONNREFUSED|MaxRetriesPerRequest|Stream isn't writeable|Command timed out/i.test(
    err.message,
  );
}

import type { FastifyInstance, FastifyReply, FastifyRequest, LogController } from 'fastify';

/** A registered route's method and its path as a pattern (`/articles/:id`, `/ui/assets/*`). */
interface RouteShape {
  method: string;
  pattern: RegExp;
}

/** `/articles/:id` → /^\/articles\/[^/]+$/; `*` matches the rest of the path. */
export function routePattern(url: string): RegExp {
  const source = url
    .split(/(:[A-Za-z0-9_]+(?:\([^)]*\))?|\*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * Answers what no route matched, in the API's one error shape `{error}`: a path that exists for
 * other methods is a 405 with `Allow` listing them (RFC 9110 §15.5.6), anything else a 404.
 * Learns the routes through onRoute, so it must be registered before them.
 */
export function registerNotFoundHandler(app: FastifyInstance, logController: Pick<LogController, 'routeNotFound'>): void {
  const routes: RouteShape[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routes.push({ method, pattern: routePattern(r.url) });
  });
  app.setNotFoundHandler((req: FastifyRequest, reply: FastifyReply) => {
    const path = (req.raw.url ?? req.url).split('?')[0] ?? '/';
    const allowed = [...new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method))].sort();
    if (allowed.length > 0 && !allowed.includes(req.method)) {
      return reply
        .code(405)
        .header('allow', allowed.join(', '))
        .send({ error: `${req.method} is not allowed on ${path}: use ${allowed.join(', ')}` });
    }
    logController.routeNotFound(req, reply);
    return reply.code(404).send({ error: `no such route: ${req.method} ${path}` });
  });
}

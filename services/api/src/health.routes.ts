import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from './api.deps';

export function registerHealthRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    const ready = await deps.ready();
    return reply.code(ready.redis && ready.search ? 200 : 503).send(ready);
  });
}

import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from './api.deps';
import type { Health, Readiness } from './common.responses';

export function registerHealthRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get('/healthz', async (): Promise<Health> => ({ status: 'ok' }));
  // The workers' shape (`{ready, away}`), with each part by name as before.
  app.get('/readyz', async (_req, reply) => {
    const parts = await deps.ready();
    const away = Object.entries(parts)
      .filter(([, up]) => !up)
      .map(([name]) => name);
    return reply.code(away.length === 0 ? 200 : 503).send({ ready: away.length === 0, away, ...parts } satisfies Readiness);
  });
}

import type { FastifyInstance } from 'fastify';
import type { OpenApiDocument } from './common.responses';
import { buildOpenApiDocument } from './openapi.document';

const registeredByApp = new WeakMap<FastifyInstance, { method: string; url: string }[]>();

/**
 * Serves /openapi.json for the routes actually registered. Must be registered before the other
 * routes: it learns them from the onRoute hook (which also sees routes of child plugins).
 */
export function registerOpenApiRoutes(app: FastifyInstance): void {
  const routes: { method: string; url: string }[] = [];
  registeredByApp.set(app, routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      // HEAD comes with every GET; OPTIONS only from CORS-like plugins.
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.push({ method, url: r.url });
    }
  });
  let document: OpenApiDocument | null = null;
  app.get('/openapi.json', async () => (document ??= buildOpenApiDocument({ registered: routes })));
}

/** The routes an app registered after registerOpenApiRoutes (for tests). */
export function registeredRoutes(app: FastifyInstance): { method: string; url: string }[] {
  return registeredByApp.get(app) ?? [];
}

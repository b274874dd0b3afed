import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));
/** DOMPurify's browser build, served from node_modules rather than copied into the repo. */
const PURIFY_FILE = fileURLToPath(import.meta.resolve('dompurify'));

/**
 * No inline script or style, nothing from other origins but images; article HTML is sanitised
 * before display, and this policy is the second wall if anything slipped through.
 */
export const UI_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export const UI_PAGES = ['/', '/ui/article', '/ui/quotes', '/ui/enqueue', '/ui/sources'];

/** The web UI: one shell page for every view, and its ES modules, in their own plugin scope. */
export function registerWebUiRoutes(app: FastifyInstance): void {
  void app.register(async (scope) => {
    scope.addHook('onSend', async (_req, reply) => {
      // Pages and modules change together at each release, and the modules import each other by
      // unversioned names: each load revalidates (ETag / Last-Modified), so a browser never
      // mixes a new page with old modules. Set here, once, after @fastify/static, which would
      // otherwise put its own max-age on every file it sends (pages included).
      reply.header('cache-control', 'no-cache');
      reply.header('content-security-policy', UI_CONTENT_SECURITY_POLICY);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
      reply.header('x-frame-options', 'DENY');
      reply.header('cross-origin-opener-policy', 'same-origin');
    });
    await scope.register(fastifyStatic, { root: `${PUBLIC_DIR}assets`, prefix: '/ui/assets/', index: false, cacheControl: false });
    scope.get('/ui/assets/purify.es.mjs', (_req, reply) =>
      reply
        .type('text/javascript; charset=utf-8')
        .sendFile(PURIFY_FILE.split('/').pop()!, PURIFY_FILE.slice(0, PURIFY_FILE.lastIndexOf('/')), { cacheControl: false }),
    );
    for (const page of UI_PAGES) {
      scope.get(page, (_req, reply) => reply.type('text/html; charset=utf-8').sendFile('page.html', PUBLIC_DIR, { cacheControl: false }));
    }
  });
}

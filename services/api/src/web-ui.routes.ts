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

export const UI_PAGES = ['/', '/ui/article', '/ui/quotes', '/ui/enqueue'];

/** The web UI: one shell page for every view, and its ES modules, in their own plugin scope. */
export function registerWebUiRoutes(app: FastifyInstance): void {
  void app.register(async (scope) => {
    scope.addHook('onSend', async (_req, reply) => {
      reply.header('content-security-policy', UI_CONTENT_SECURITY_POLICY);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
      reply.header('x-frame-options', 'DENY');
      reply.header('cross-origin-opener-policy', 'same-origin');
    });
    await scope.register(fastifyStatic, { root: `${PUBLIC_DIR}assets`, prefix: '/ui/assets/', index: false, cacheControl: true, maxAge: '5m' });
    scope.get('/ui/assets/purify.es.mjs', (_req, reply) =>
      reply.type('text/javascript; charset=utf-8').sendFile(PURIFY_FILE.split('/').pop()!, PURIFY_FILE.slice(0, PURIFY_FILE.lastIndexOf('/'))),
    );
    for (const page of UI_PAGES) {
      scope.get(page, (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('page.html', PUBLIC_DIR));
    }
  });
}

import type { FastifyInstance } from 'fastify';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { STAGES } from '@newsflow/contracts';
import type { ApiDeps } from './api.deps';
import { requireAdmin } from './admin.auth';

export const ADMIN_QUEUES_PATH = '/admin/queues';

/**
 * Bull Board's page and scripts are its own (script-src 'self'); it styles with inline style
 * attributes and a <style> block, so styles may be inline. Nothing from other origins (its Google
 * Fonts stylesheet is left out: the page falls back to local fonts), and no page may frame it
 * (frame-ancestors 'none'): an admin page that can retry, clean or remove jobs is a clickjacking
 * target. Its <base href> is on this origin.
 */
export const ADMIN_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Bull Board on every stage's queue and discover's, behind the admin token, in its own plugin scope. */
export function registerAdminRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const serverAdapter = new FastifyAdapter().setBasePath(ADMIN_QUEUES_PATH);
  createBullBoard({
    queues: [...STAGES.map((stage) => new BullMQAdapter(deps.queues[stage])), ...(deps.discover ? [new BullMQAdapter(deps.discover)] : [])],
    serverAdapter,
    options: { uiConfig: { boardTitle: 'newsflow queues' } },
  });
  void app.register(async (scope) => {
    scope.addHook('onRequest', requireAdmin({ token: deps.token, open: deps.adminOpen ?? false, cookiePath: ADMIN_QUEUES_PATH }));
    scope.addHook('onSend', async (_req, reply) => {
      reply.header('content-security-policy', ADMIN_CONTENT_SECURITY_POLICY);
      reply.header('x-frame-options', 'DENY');
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: ADMIN_QUEUES_PATH });
  });
}

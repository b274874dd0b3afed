import type { FastifyInstance } from 'fastify';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { STAGES } from '@newsflow/contracts';
import type { ApiDeps } from './api.deps';
import { requireAdmin } from './admin.auth';

export const ADMIN_QUEUES_PATH = '/admin/queues';

/** Bull Board on every stage's queue, behind the admin token, in its own plugin scope. */
export function registerAdminRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const serverAdapter = new FastifyAdapter().setBasePath(ADMIN_QUEUES_PATH);
  createBullBoard({
    queues: STAGES.map((stage) => new BullMQAdapter(deps.queues[stage])),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'newsflow queues' } },
  });
  void app.register(async (scope) => {
    scope.addHook('onRequest', requireAdmin({ token: deps.token, open: deps.adminOpen ?? false, cookiePath: ADMIN_QUEUES_PATH }));
    await scope.register(serverAdapter.registerPlugin(), { prefix: ADMIN_QUEUES_PATH });
  });
}

import type { FastifyInstance } from 'fastify';
import { SourceInputError, type SourceManager } from '@newsflow/runtime';
import type { ApiDeps } from './api.deps';
import { formatIssues } from './api.schemas';
import { requireToken } from './auth';
import type { PollAccepted, SourceBody, SourceList } from './source.responses';
import { sourceBodySchema, sourceIdSchema } from './sources.schemas';

/**
 * Followed sources (feeds, sitemaps, sites): add, list, remove, poll now. Writes need the token
 * as POST /articles does; the discover service does the polling.
 */
export function registerSourceRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const sources: SourceManager | undefined = deps.sources;
  if (!sources) return;
  const writes = { preHandler: requireToken(deps.token) };

  app.post('/sources', writes, async (req, reply) => {
    const body = sourceBodySchema.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: `invalid request body: ${formatIssues(body.error)}` });
    try {
      const { source, created } = await sources.add(body.data.url, body.data.every);
      return reply
        .code(created ? 201 : 200)
        .header('location', `/sources/${source.id}`)
        .send(source satisfies SourceBody);
    } catch (err) {
      if (err instanceof SourceInputError) return reply.code(400).send({ error: err.message });
      throw err;
    }
  });

  app.get('/sources', async (): Promise<SourceList> => ({ sources: await sources.list() }));

  app.get<{ Params: { id: string } }>('/sources/:id', async (req, reply) => {
    const id = sourceIdSchema.safeParse(req.params.id);
    if (!id.success) return reply.code(400).send({ error: formatIssues(id.error) });
    const source = await sources.find(id.data);
    return (source satisfies SourceBody | null) ?? reply.code(404).send({ error: `no source with id ${id.data}` });
  });

  app.delete<{ Params: { id: string } }>('/sources/:id', writes, async (req, reply) => {
    const id = sourceIdSchema.safeParse(req.params.id);
    if (!id.success) return reply.code(400).send({ error: formatIssues(id.error) });
    const removed = await sources.remove(id.data);
    return removed ? reply.code(204).send() : reply.code(404).send({ error: `no source with id ${id.data}` });
  });

  app.post<{ Params: { id: string } }>('/sources/:id/poll', writes, async (req, reply) => {
    const id = sourceIdSchema.safeParse(req.params.id);
    if (!id.success) return reply.code(400).send({ error: formatIssues(id.error) });
    const source = await sources.pollNow(id.data);
    if (!source) return reply.code(404).send({ error: `no source with id ${id.data}` });
    return reply
      .code(202)
      .send({ id: source.id, url: source.url, status: 'queued', links: { self: `/sources/${source.id}` } } satisfies PollAccepted);
  });
}

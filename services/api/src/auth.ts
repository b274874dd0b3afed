import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Writes and admin routes need the configured bearer token; with none configured they are open. */
export function requireToken(token: string | null) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (token === null) return;
    const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      return reply.code(401).send({ error: 'this route needs Authorization: Bearer <API_TOKEN>' });
    }
  };
}

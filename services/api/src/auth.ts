import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Compares a secret someone sent with the expected one in constant time, length included: both
 * are hashed first (SHA-256, 32 bytes each), so neither how long the token is nor where the two
 * first differ shows in the time taken.
 */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Writes and admin routes need the configured bearer token; with none configured they are open. */
export function requireToken(token: string | null) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (token === null) return;
    const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (!sameSecret(given, token)) {
      return reply.code(401).send({ error: 'this route needs Authorization: Bearer <API_TOKEN>' });
    }
  };
}

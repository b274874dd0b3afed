import { createHmac } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sameSecret } from './auth';

export interface AdminAuthOptions {
  /** API_TOKEN; null when unset. */
  token: string | null;
  /** API_ADMIN_OPEN: admin routes without a token, for local use. */
  open: boolean;
  /** Where the session cookie is sent back (the dashboard's base path). */
  cookiePath: string;
  /** What the guarded routes are, for the refusal message. */
  label?: string;
}

export const ADMIN_COOKIE = 'newsflow_admin';

/**
 * Guards admin routes (Bull Board). A browser cannot send a Bearer header to a dashboard, so
 * `?token=<API_TOKEN>` once sets an HttpOnly cookie and redirects to the same address without the
 * token (it would otherwise stay in the history and in referrers). The cookie holds an HMAC of the
 * token, never the token itself, and is void as soon as the token changes.
 */
export function requireAdmin(opts: AdminAuthOptions) {
  const session = opts.token === null ? null : createHmac('sha256', opts.token).update('newsflow admin session').digest('base64url');
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (opts.token === null || session === null) {
      if (opts.open) return;
      return reply.code(403).send({
        error:
          'admin routes are disabled: set API_TOKEN (then send Authorization: Bearer <token>, or open this address once with ?token=<token>), or API_ADMIN_OPEN=true for local use',
      });
    }
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer !== undefined && sameSecret(bearer, opts.token)) return;
    if (sameSecret(cookieValue(req.headers.cookie, ADMIN_COOKIE) ?? '', session)) return;

    const url = new URL(req.url, 'http://local');
    const query = url.searchParams.get('token');
    if (query !== null && sameSecret(query, opts.token)) {
      url.searchParams.delete('token');
      // Over TLS, to the server or (API_TRUST_PROXY) to the proxy in front of it: X-Forwarded-Proto.
      const secure = req.protocol === 'https' ? '; Secure' : '';
      return reply
        .header('set-cookie', `${ADMIN_COOKIE}=${session}; Path=${opts.cookiePath}; HttpOnly; SameSite=Strict${secure}`)
        .header('cache-control', 'no-store')
        .redirect(`${url.pathname}${url.search}`, 303);
    }
    return reply.code(401).send({
      error: `this ${opts.label ?? 'admin route'} needs Authorization: Bearer <API_TOKEN>, or open it once with ?token=<API_TOKEN>`,
    });
  };
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

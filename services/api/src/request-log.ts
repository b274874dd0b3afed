import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from '@newsflow/runtime';

/**
 * Query parameters that carry a secret. `?token=` is how a browser signs in to the admin pages
 * and, with API_READS_OPEN=false, to the web UI: the request log must not keep it.
 */
const SECRET_PARAMS = /^(?:token|access_token|api_key|apikey)$/i;

export const REDACTED = '[redacted]';

/** The request target with secret query values replaced, everything else as it came. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  // Rewritten by hand, not through URLSearchParams: the rest of the line stays byte for byte.
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return SECRET_PARAMS.test(safeDecode(name)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, q)}?${query}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/**
 * Fastify's own request serializer, with the URL redacted (and still no headers). It sees
 * whatever is logged under `req`, not only requests: nothing here may throw.
 */
function serializeRequest(req: Partial<FastifyRequest>) {
  return {
    method: req.method,
    url: typeof req.url === 'string' ? redactUrl(req.url) : undefined,
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/**
 * Header values that are credentials, wherever a log line carries request or response headers
 * (the serializer above logs none, but an error or a plugin may).
 */
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'err.headers.authorization',
  'err.headers.cookie',
];

/** The API's logger: every request line goes through the serializer and redaction above. */
export function requestLogger(base: Logger): Logger {
  return base.child({ service: 'api' }, { serializers: { req: serializeRequest }, redact: { paths: REDACT_PATHS, censor: REDACTED } });
}

/** Fastify's default 404 line quotes the raw URL in its message, where no serializer sees it. */
export class RedactingLogController extends LogController {
  override routeNotFound(request: FastifyRequest, _reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    request.log.info(`Route ${request.raw.method}:${redactUrl(request.raw.url ?? '')} not found`);
  }
}

/** Socket error codes as a person would say them. */
const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
  ECONNABORTED: 'connection aborted',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
};

/**
 * Why a connection failed, in a few words: from the error's code (or its cause's), else a code
 * named in its message (client libraries often fold it into text), else the message's first line.
 */
export function networkReason(err: unknown): string {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && REASONS[code]) return REASONS[code];
  }
  const message = err instanceof Error ? err.message : String(err);
  const named = /\b(E[A-Z_]{3,}|CERT_HAS_EXPIRED|DEPTH_ZERO_SELF_SIGNED_CERT)\b/.exec(message)?.[1];
  if (named && REASONS[named]) return REASONS[named];
  if (/timed? ?out/i.test(message)) return 'timed out';
  return message.split('\n')[0]!.trim() || 'no answer';
}

/** A service's address without credentials, which have no place in an error message. */
export function displayAddress(url: string, defaultPort?: number): string {
  try {
    const u = new URL(url);
    const port = u.port || (defaultPort ? String(defaultPort) : '');
    return `${u.protocol}//${u.hostname}${port ? `:${port}` : ''}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return '(an invalid address)';
  }
}

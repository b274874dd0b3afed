import { FetchFailure } from './fetch.failure';
import { BlockedAddressError } from './guarded.lookup';

export const PRIVATE_NETWORK_HINT = '(set FETCH_ALLOW_PRIVATE_NETWORKS=true to allow)';

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && current !== null && chain.length < 8;) {
    chain.push(current);
    if (current instanceof AggregateError) chain.push(...current.errors);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/**
 * Turns what undici/net throw (fetch wraps the real error in `TypeError: fetch failed` with a
 * `cause`) into a FetchFailure a person can read. `deadlineHit` wins over everything: once our
 * own deadline fired, whatever error surfaced is a consequence of the abort.
 */
export function failureForNetworkError(url: string, error: unknown, deadlineHit: boolean, timeoutMs: number): FetchFailure {
  if (error instanceof FetchFailure) return error;
  if (deadlineHit) return new FetchFailure('timeout', `${url} did not finish within ${timeoutMs} ms`, { cause: error });
  const chain = causes(error);
  for (const link of chain) {
    if (link instanceof BlockedAddressError) {
      return new FetchFailure(
        'blocked-address',
        `refused: ${link.hostname} resolves to a non-public address: ${link.reason} ${PRIVATE_NETWORK_HINT}`,
        {
          cause: error,
        },
      );
    }
  }
  // undici refuses the fetch standard's "bad ports" (SMTP, IRC, X11…) before connecting; that
  // will never change on retry.
  if (chain.some((link) => link instanceof Error && link.message === 'bad port')) {
    return new FetchFailure('blocked-address', `refused: ${url} uses port ${new URL(url).port}, which fetchers must not contact`, {
      cause: error,
    });
  }
  for (const link of chain) {
    const code = (link as { code?: unknown } | null)?.code;
    const detail = (link as { message?: unknown } | null)?.message;
    if (typeof code !== 'string') continue;
    if (code === 'UND_ERR_HEADERS_OVERFLOW') {
      return new FetchFailure('headers-too-large', `${url} sent response headers larger than the limit`, { cause: error });
    }
    if (TIMEOUT_CODES.has(code)) return new FetchFailure('timeout', `${url} timed out (${code})`, { cause: error });
    if (DNS_CODES.has(code)) {
      return new FetchFailure('dns-failure', `${new URL(url).hostname} could not be resolved (${code})`, { cause: error });
    }
    return new FetchFailure('connection-error', `${url} could not be fetched: ${String(detail ?? code)} (${code})`, { cause: error });
  }
  const last = chain[chain.length - 1];
  const detail = last instanceof Error ? last.message : String(last);
  return new FetchFailure('connection-error', `${url} could not be fetched: ${detail}`, { cause: error });
}

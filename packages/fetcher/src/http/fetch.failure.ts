export type FetchFailureCode =
  | 'invalid-url'
  | 'unsupported-scheme'
  | 'blocked-address'
  | 'dns-failure'
  | 'timeout'
  | 'connection-error'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'too-large'
  | 'headers-too-large'
  | 'not-html'
  | 'http-4xx'
  | 'http-5xx'
  | 'http-429'
  | 'robots-disallowed'
  | 'robots-unreachable';

// Transient failures are worth another attempt later; everything else will fail the same way
// again, so the queue should give up at once (BullMQ UnrecoverableError in the handler).
const TRANSIENT: ReadonlySet<FetchFailureCode> = new Set([
  'timeout',
  'connection-error',
  'dns-failure',
  'http-5xx',
  'http-429',
  'robots-unreachable',
]);

export interface FetchFailureDetails {
  status?: number;
  retryAfterMs?: number;
  cause?: unknown;
  /** Overrides the default permanence of the code (408 Request Timeout is a retryable 4xx). */
  permanent?: boolean;
}

export class FetchFailure extends Error {
  readonly code: FetchFailureCode;
  readonly permanent: boolean;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(code: FetchFailureCode, message: string, details: FetchFailureDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'FetchFailure';
    this.code = code;
    this.permanent = details.permanent ?? !TRANSIENT.has(code);
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

export function isFetchFailure(error: unknown): error is FetchFailure {
  return error instanceof FetchFailure;
}

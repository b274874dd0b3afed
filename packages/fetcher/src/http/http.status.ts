import { STATUS_CODES } from 'node:http';
import { FetchFailure } from './fetch.failure';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function isRedirectStatus(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

/** Retry-After is either delay-seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Every HTTP-date form starts with a day name; V8's Date.parse would also accept "-5".
  const at = /^[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The failure for a final (non-redirect) response that is not a 2xx or 304, else null. */
export function failureForStatus(url: string, status: number, statusText: string, retryAfter: string | null): FetchFailure | null {
  if ((status >= 200 && status < 300) || status === 304) return null;
  const answered = `${url} answered ${status} ${statusText || STATUS_CODES[status] || ''}`.trimEnd();
  const retryAfterMs = parseRetryAfter(retryAfter);
  const retryNote = retryAfterMs === undefined ? '' : ` (retry after ${Math.ceil(retryAfterMs / 1000)} s)`;
  if (status === 429) return new FetchFailure('http-429', answered + retryNote, { status, retryAfterMs });
  // 408 Request Timeout says "try again", unlike every other 4xx.
  if (status === 408) return new FetchFailure('http-4xx', answered, { status, permanent: false });
  if (status >= 400 && status < 500) return new FetchFailure('http-4xx', answered, { status });
  if (status >= 500 && status < 600) return new FetchFailure('http-5xx', answered + retryNote, { status, retryAfterMs });
  // 300, 305, 306 or a redirect without Location: there is no page here to read.
  return new FetchFailure('not-html', `${answered}, which is not a page`, { status });
}

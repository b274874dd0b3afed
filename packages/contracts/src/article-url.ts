import { createHash } from 'node:crypto';
import normalizeUrl from 'normalize-url';

/** Query parameters that only track the click; two URLs differing in them are one article. */
const TRACKING_PARAMS: (string | RegExp)[] = [
  /^utm_\w+$/i,
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'yclid',
  '_ga',
  '_gl',
  'ref_src',
  'cmpid',
  'ocid',
];

export class InvalidUrlError extends Error {
  override readonly name = 'InvalidUrlError';
}

/**
 * The longest URL a job carries (and POST /articles takes). Normalising can lengthen a URL a lot
 * (each "é" becomes "%C3%A9"), so it is checked again on the normalised form.
 */
export const MAX_URL_LENGTH = 8192;

/**
 * A URL too long for a job to carry, even as one that fails with its reason: it is refused
 * before anything is written (no in-flight marker, no job, no status).
 */
export class UrlTooLongError extends Error {
  override readonly name = 'UrlTooLongError';
}

/** Throws UrlTooLongError when what would be enqueued (`url`, as resolved from `raw`) is too long. */
export function assertUrlFitsJob(url: string, raw: string): void {
  if (url.length <= MAX_URL_LENGTH) return;
  const grew = raw.trim().length <= MAX_URL_LENGTH;
  throw new UrlTooLongError(
    `the URL is ${url.length} characters long${grew ? ' once normalised (non-ASCII characters are percent-encoded)' : ''}, more than the ${MAX_URL_LENGTH} allowed`,
  );
}

/**
 * Normalises an article URL: lower-case scheme and host, no default port, no fragment,
 * no tracking parameters, the rest sorted. Throws InvalidUrlError (with a reason a person
 * understands) for anything that is not an absolute http(s) URL.
 */
export function normalizeArticleUrl(raw: string): string {
  const input = raw.trim();
  let parsed: URL;
  try {
    parsed = new URL(input);
  } catch {
    throw new InvalidUrlError(`"${truncate(input)}" is not a valid absolute URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InvalidUrlError(`"${truncate(input)}" uses ${parsed.protocol.replace(/:$/, '')}: only http and https URLs can be fetched`);
  }
  if (!parsed.hostname) throw new InvalidUrlError(`"${truncate(input)}" has no host`);
  // Normalised until it no longer changes: one pass is not always a fixed point (`http://a.b?/`
  // gives `http://a.b/?`, which gives `http://a.b`), and a normalised URL given again must keep
  // its id. Two passes settle every case found; the bound is a guard.
  let url = normalizeUrl(input, NORMALIZE_OPTIONS);
  for (let pass = 0; pass < 3; pass++) {
    const again = normalizeUrl(url, NORMALIZE_OPTIONS);
    if (again === url) break;
    url = again;
  }
  return url;
}

const NORMALIZE_OPTIONS = {
  stripHash: true,
  stripWWW: false,
  removeTrailingSlash: false,
  removeSingleSlash: true,
  removeQueryParameters: TRACKING_PARAMS,
  sortQueryParameters: true,
  stripAuthentication: true,
  normalizeProtocol: false,
} as const;

/** The id of an article: the first 128 bits of the SHA-256 of its normalised URL, in hex. */
export function articleIdFor(normalizedUrl: string): string {
  return createHash('sha256').update(normalizedUrl).digest('hex').slice(0, 32);
}

/**
 * What every article id looks like (articleIdFor): 32 lowercase hex characters, nothing else.
 * Anything taking an id from outside (the API's routes, the web UI's `?id=`) accepts only this.
 */
export const ARTICLE_ID_PATTERN = /^[0-9a-f]{32}$/;

export function isArticleId(value: unknown): value is string {
  return typeof value === 'string' && ARTICLE_ID_PATTERN.test(value);
}

export type UrlInput = { ok: true; url: string; id: string } | { ok: false; url: string; id: string; error: string };

/**
 * Resolves what a user typed to a URL and its id. Invalid input still gets a stable id (of the
 * trimmed text) so that it can be tracked as a failed job with its reason, losing nothing else.
 */
export function resolveUrlInput(raw: string): UrlInput {
  try {
    const url = normalizeArticleUrl(raw);
    return { ok: true, url, id: articleIdFor(url) };
  } catch (err) {
    const url = raw.trim() || '(empty)';
    const error = err instanceof InvalidUrlError ? err.message : `"${truncate(url)}" is not a valid URL`;
    return { ok: false, url, id: articleIdFor(url), error };
  }
}

function truncate(s: string): string {
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

import { articleIdFor, normalizeArticleUrl, resolveUrlInput } from './article-url';

/**
 * A followed source: a feed, a sitemap, or a site whose feeds (`<link rel="alternate">`) and
 * sitemaps (robots.txt `Sitemap:` lines) are found on each poll. Its kind is learnt from what
 * the first poll reads, and kept: a feed that later answers with an HTML page is an error, not
 * a site.
 */
export const SOURCE_KINDS = ['feed', 'sitemap', 'site'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * How a poll went. `partial`: URLs were found, but part of the source could not be read or
 * some links were unusable (see `lastError`); `unchanged`: every document answered 304.
 */
export const POLL_STATUSES = ['ok', 'unchanged', 'partial', 'failed'] as const;
export type PollStatus = (typeof POLL_STATUSES)[number];

export interface PollResult {
  at: string;
  ms: number;
  status: PollStatus;
  /** What went wrong, in words a person can act on; null when nothing did. */
  error: string | null;
  /** Documents read (feeds, sitemaps, the home page). */
  documents: number;
  /** Article URLs the source listed. */
  found: number;
  /** Of those, the ones never seen before or whose lastmod/updated moved. */
  fresh: number;
  /** Of those, the ones enqueued in this poll (at most DISCOVER_MAX_NEW_PER_POLL). */
  enqueued: number;
}

export interface Source {
  id: string;
  url: string;
  kind: SourceKind | null;
  /** Poll interval in milliseconds. */
  everyMs: number;
  addedAt: string;
  /** For a site: the feeds and sitemaps its last poll found. */
  endpoints: string[];
  lastPoll: PollResult | null;
  /** URLs enqueued since the source was added. */
  enqueuedTotal: number;
}

/** A source's id: the same hash as an article's, of its normalised URL (so `remove URL` works). */
export function sourceIdFor(url: string): string {
  return articleIdFor(normalizeArticleUrl(url));
}

export const SOURCE_ID_PATTERN = /^[0-9a-f]{32}$/;

/** A source's id from its id or any spelling of its URL (`--source`, `?source=`); null when it is neither. */
export function sourceIdOf(idOrUrl: string): string | null {
  const text = idOrUrl.trim();
  if (SOURCE_ID_PATTERN.test(text)) return text;
  const input = resolveUrlInput(text);
  return input.ok ? input.id : null;
}

export const DEFAULT_EVERY = '15m';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * "15m", "1h30m", "90s", "2d" → milliseconds; throws with a message a person understands.
 * Bounds (`minMs`, a week at most) keep a typo from polling a site every second or never.
 */
export function parseEvery(text: string, minMs = 60_000): number {
  const input = text.trim().toLowerCase();
  const parts = [...input.matchAll(/(\d+)\s*([smhd])/g)];
  const spelled = parts.map((p) => p[0].replace(/\s+/g, '')).join('');
  if (parts.length === 0 || spelled !== input.replace(/\s+/g, '')) {
    throw new RangeError(`"${text}" is not an interval: write it like 15m, 1h, 1h30m, 90s or 2d`);
  }
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_MS[p[2] as keyof typeof UNIT_MS], 0);
  if (ms < minMs) throw new RangeError(`"${text}" is too often: sources are polled at most every ${formatEvery(minMs)}`);
  if (ms > 7 * UNIT_MS.d) throw new RangeError(`"${text}" is too long: sources are polled at least every 7d`);
  return ms;
}

/** Milliseconds → "1h30m", the way parseEvery reads it. */
export function formatEvery(ms: number): string {
  let rest = Math.round(ms / 1000);
  let out = '';
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out || '0s';
}

import type { Redis } from 'ioredis';
import robotsParser from 'robots-parser';
import { FetchFailure, isFetchFailure, type PageFetcher } from '../http';

/** The product token robots.txt groups are matched against (RFC 9309 §2.2.1). */
export const ROBOTS_PRODUCT_TOKEN = 'newsflow';

export type RobotsVerdict =
  | { allowed: true; /** Crawl-delay for our group, in ms; null when none is set. */ crawlDelayMs: number | null }
  | { allowed: false; reason: string };

export interface RobotsPolicy {
  /**
   * Whether `url` may be fetched. A robots.txt that cannot be read for now (5xx, timeout,
   * refused connection) throws a transient FetchFailure: RFC 9309 says to assume the whole site
   * is disallowed then, and the job retries later.
   */
  check(url: string): Promise<RobotsVerdict>;
  /** The same verdict from the cache alone, without any request; null when robots.txt is not cached. */
  peek(url: string): Promise<RobotsVerdict | null>;
  /**
   * The sitemaps the site's robots.txt lists (`Sitemap:` lines), read through the same cache;
   * also for hosts in `ignoreHosts`, whose rules are not obeyed but whose sitemaps are as useful.
   */
  sitemaps(url: string): Promise<string[]>;
}

export interface RobotsPolicyOptions {
  redis: Redis;
  prefix: string;
  fetcher: Pick<PageFetcher, 'fetchText'>;
  /** Hosts (as in URL.hostname, lower case) whose robots.txt is not consulted: sites the user owns. */
  ignoreHosts?: readonly string[];
  /** How long a read robots.txt (or its absence) is trusted; 1 h when omitted. */
  ttlMs?: number;
  /** How long an unreachable robots.txt keeps its site disallowed before it is asked again; 20 s when omitted. */
  unreachableTtlMs?: number;
  /** Crawl-delays above this are capped (a robots.txt asking for an hour would stall the queue); 60 s when omitted. */
  maxCrawlDelayMs?: number;
}

/** What is cached per origin, in Redis, for every fetch worker. */
type CachedRobots =
  | { kind: 'rules'; robotsUrl: string; text: string }
  | { kind: 'allow-all'; robotsUrl: string; why: string }
  | { kind: 'unreachable'; robotsUrl: string; why: string };

/** How long this process goes on with a robots.txt it has read (parsed, or peeked at in Redis). */
const RULES_KEPT_MS = 10_000;

// robots.txt files past 500 KiB may be cut there (RFC 9309 §2.5).
const MAX_ROBOTS_BYTES = 500 * 1024;

/**
 * robots.txt per RFC 9309, cached per origin in Redis (shared by all workers) and for a few
 * seconds in this process (parsed), fetched through the same guarded fetcher as pages.
 */
export function createRobotsPolicy(options: RobotsPolicyOptions): RobotsPolicy {
  const { redis, prefix, fetcher } = options;
  const ttlMs = options.ttlMs ?? 3_600_000;
  const unreachableTtlMs = options.unreachableTtlMs ?? 20_000;
  const maxCrawlDelayMs = options.maxCrawlDelayMs ?? 60_000;
  const ignored = new Set((options.ignoreHosts ?? []).map((h) => h.trim().toLowerCase().replace(/\.$/, '')).filter((h) => h !== ''));
  const key = (origin: string) => `${prefix}:robots:${origin}`;
  // One read per origin at a time in this process: 50 jobs for a new host make one request.
  const pending = new Map<string, Promise<CachedRobots>>();
  const parsed = new Map<string, { at: number; robots: ReturnType<typeof robotsParser> }>();
  // What `peek` last read from Redis per origin, kept as long as the parsed rules above: every
  // fetch job peeks, and an entry changes once an hour at most (its TTL), so a Redis read and a
  // JSON parse of the file per page bought nothing. An unreachable site's entry is not kept: it
  // lasts seconds in Redis, and the next peek must see it go.
  const peeked = new Map<string, { at: number; entry: CachedRobots }>();

  async function download(robotsUrl: string): Promise<{ entry: CachedRobots; ttl: number }> {
    try {
      const got = await fetcher.fetchText(robotsUrl, MAX_ROBOTS_BYTES);
      if (got.status >= 200 && got.status < 300) return { entry: { kind: 'rules', robotsUrl, text: got.text }, ttl: ttlMs };
      // 429 is "slow down", not "there are no rules": treat it like a server error.
      if (got.status >= 400 && got.status < 500 && got.status !== 429) {
        return { entry: { kind: 'allow-all', robotsUrl, why: `answered ${got.status}` }, ttl: ttlMs };
      }
      return { entry: { kind: 'unreachable', robotsUrl, why: `answered ${got.status}` }, ttl: unreachableTtlMs };
    } catch (err) {
      if (!isFetchFailure(err)) throw err;
      // More redirects than allowed: RFC 9309 lets crawlers take the file as unavailable.
      if (err.code === 'too-many-redirects' || err.code === 'redirect-loop') {
        return { entry: { kind: 'allow-all', robotsUrl, why: err.message }, ttl: ttlMs };
      }
      // A refused address or scheme would refuse the page as well: let that failure speak.
      if (err.permanent) throw err;
      return { entry: { kind: 'unreachable', robotsUrl, why: err.message }, ttl: unreachableTtlMs };
    }
  }

  async function load(origin: string): Promise<CachedRobots> {
    const cached = await redis.get(key(origin));
    if (cached !== null) return JSON.parse(cached) as CachedRobots;
    const { entry, ttl } = await download(`${origin}/robots.txt`);
    await redis.set(key(origin), JSON.stringify(entry), 'PX', ttl);
    return entry;
  }

  function loadOnce(origin: string): Promise<CachedRobots> {
    let p = pending.get(origin);
    if (p === undefined) {
      p = load(origin).finally(() => pending.delete(origin));
      pending.set(origin, p);
    }
    return p;
  }

  function rulesFor(entry: Extract<CachedRobots, { kind: 'rules' }>) {
    const memo = parsed.get(entry.robotsUrl);
    // Re-parsed every few seconds at most, so a refreshed robots.txt is picked up soon.
    if (memo !== undefined && Date.now() - memo.at < RULES_KEPT_MS) return memo.robots;
    const robots = robotsParser(entry.robotsUrl, entry.text);
    if (parsed.size > 1000) parsed.clear();
    parsed.set(entry.robotsUrl, { at: Date.now(), robots });
    return robots;
  }

  function verdictOf(entry: CachedRobots, target: URL): RobotsVerdict {
    if (entry.kind === 'allow-all') return { allowed: true, crawlDelayMs: null };
    if (entry.kind === 'unreachable') {
      throw new FetchFailure(
        'robots-unreachable',
        `${entry.robotsUrl} could not be read (${entry.why}); until it can, the site counts as disallowed (RFC 9309)`,
      );
    }
    const robots = rulesFor(entry);
    if (robots.isDisallowed(target.href, ROBOTS_PRODUCT_TOKEN) === true) {
      return { allowed: false, reason: `${target.href} is disallowed by ${entry.robotsUrl} for ${ROBOTS_PRODUCT_TOKEN}` };
    }
    const delay = robots.getCrawlDelay(ROBOTS_PRODUCT_TOKEN);
    const crawlDelayMs = typeof delay === 'number' && Number.isFinite(delay) && delay > 0 ? Math.min(delay * 1000, maxCrawlDelayMs) : null;
    return { allowed: true, crawlDelayMs };
  }

  const isIgnored = (target: URL) => ignored.has(target.hostname.toLowerCase().replace(/\.$/, ''));

  return {
    async peek(url) {
      const target = new URL(url);
      if (isIgnored(target)) return { allowed: true, crawlDelayMs: null };
      const recent = peeked.get(target.origin);
      if (recent !== undefined && Date.now() - recent.at < RULES_KEPT_MS) return verdictOf(recent.entry, target);
      const cached = await redis.get(key(target.origin));
      if (cached === null) return null;
      const entry = JSON.parse(cached) as CachedRobots;
      if (entry.kind !== 'unreachable') {
        if (peeked.size > 1000) peeked.clear();
        peeked.set(target.origin, { at: Date.now(), entry });
      }
      return verdictOf(entry, target);
    },
    async check(url) {
      const target = new URL(url);
      if (isIgnored(target)) return { allowed: true, crawlDelayMs: null };
      return verdictOf(await loadOnce(target.origin), target);
    },
    async sitemaps(url) {
      const entry = await loadOnce(new URL(url).origin);
      if (entry.kind === 'allow-all') return [];
      if (entry.kind === 'unreachable') {
        throw new FetchFailure(
          'robots-unreachable',
          `${entry.robotsUrl} could not be read (${entry.why}), so its sitemaps are not known yet`,
        );
      }
      return rulesFor(entry).getSitemaps();
    },
  };
}

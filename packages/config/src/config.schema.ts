import { z } from 'zod';

/** "true"/"false" (and 1/0, yes/no) from the environment; anything else is an error, not false. */
const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Every setting newsflow reads, by its environment variable name. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  REDIS_URL: z.url({ protocol: /^rediss?$/, message: 'must be a redis:// or rediss:// URL' }).default('redis://127.0.0.1:6379'),
  /** BullMQ key prefix: tests and side-by-side installs each use their own. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ and - only')
    .default('newsflow'),

  /**
   * One node's URL, or several separated by commas (a cluster's nodes, as workers on several hosts
   * use it): the client spreads requests over them and stops sending to a node that fails.
   */
  SEARCH_URL: z
    .string()
    .default('http://127.0.0.1:9200')
    .transform((v) =>
      v
        .split(',')
        .map((u) => u.trim())
        .filter((u) => u.length > 0),
    )
    .pipe(
      z
        .array(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL, or several separated by commas' }))
        .min(1, 'must name at least one http(s) URL'),
    ),
  SEARCH_FLAVOR: z.enum(['elasticsearch', 'opensearch']).default('opensearch'),
  /**
   * Elasticsearch only: the server's major version, which decides the media types the client
   * sends (8.x refuses the 9.x ones). `auto` reads it from GET / before the first request; set
   * it when the credentials may not read GET / (cluster:monitor/main).
   */
  SEARCH_ES_MAJOR: z.enum(['auto', '8', '9'], { message: 'must be auto, 8 or 9' }).default('auto'),
  SEARCH_USERNAME: z.string().optional(),
  SEARCH_PASSWORD: z.string().optional(),
  SEARCH_API_KEY: z.string().optional(),
  /** The alias that reads and writes go through; the concrete index is `${alias}-000001`. */
  SEARCH_INDEX: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,80}$/, 'lowercase letters, digits, _ and - only')
    .default('newsflow-articles'),

  /** The Stanford CoreNLP server the enrich stage reads names and sentences from. */
  NLP_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).default('http://127.0.0.1:9000'),
  /** One request to the NLP server taking longer is given up and the job put off (the server is slow or restarting). */
  NLP_TIMEOUT_MS: int(1000, 600_000).default(60_000),

  HOST: z.string().default('127.0.0.1'),
  PORT: int(0, 65535).default(8080),
  /** Workers answer GET /healthz and /readyz here when it is set. */
  HEALTH_PORT: int(0, 65535).optional(),
  /** Token for write and admin API routes; unset means writes are open (local use). */
  API_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Admin routes (Bull Board) need API_TOKEN; `true` opens them without one, for local use only. */
  API_ADMIN_OPEN: boolFromEnv.default(false),
  /** With API_TOKEN set, `false` makes reads (search, articles, quotations, the web UI) need it too. */
  API_READS_OPEN: boolFromEnv.default(true),
  /** Enqueue requests (POST /articles) each client may make per minute; 0 turns the limit off. */
  API_ENQUEUE_RATE_PER_MINUTE: int(0, 1_000_000).default(60),
  /**
   * Whether the API believes X-Forwarded-For / -Proto / -Host from the connecting address: `false`
   * (directly on the network), `true` (behind a proxy that is the only way in), or the proxies'
   * addresses and CIDR ranges, comma-separated. Decides the client address (rate limit, logs)
   * and whether a request came over TLS (the admin cookie is then `Secure`).
   */
  API_TRUST_PROXY: z
    .string()
    .trim()
    .transform((v, ctx): boolean | string[] => {
      const lower = v.toLowerCase();
      if (['true', '1', 'yes'].includes(lower)) return true;
      if (['false', '0', 'no', ''].includes(lower)) return false;
      const entries = v
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a !== '');
      const bad = entries.filter((a) => !/^[0-9A-Fa-f:.]+(?:\/\d{1,3})?$/.test(a));
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `must be true, false or proxy addresses / CIDR ranges, comma-separated (not ${bad.join(', ')})`,
        });
      }
      return entries;
    })
    .default(false),

  FETCH_ALLOW_PRIVATE_NETWORKS: boolFromEnv.default(false),
  FETCH_TIMEOUT_MS: int(1000, 600_000).default(20_000),
  FETCH_MAX_BYTES: int(1024, 100 * 1024 * 1024).default(5 * 1024 * 1024),
  FETCH_MAX_REDIRECTS: int(0, 20).default(5),
  FETCH_CONTACT_URL: z.url().default('https://github.com/newsflow/newsflow'),
  FETCH_USER_AGENT: z.string().optional(),
  /** Requests in flight per host across every fetch worker. */
  FETCH_HOST_CONCURRENCY: int(1, 100).default(2),
  /** Requests started per second per host across every fetch worker (a robots.txt crawl-delay lowers it). */
  FETCH_HOST_RATE: z.coerce.number().positive().max(1000).default(1),
  /** Comma-separated host names whose robots.txt is not consulted (sites you own). */
  FETCH_IGNORE_ROBOTS_HOSTS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter((h) => h !== ''),
    )
    .default([]),

  /**
   * The DOM under Readability. Both give the same text on the extraction benchmark; linkedom is
   * ~3x faster with ~40% less memory (npm run bench:extraction), jsdom is the more complete DOM.
   */
  EXTRACT_DOM: z.enum(['jsdom', 'linkedom']).default('linkedom'),
  /** A page whose extraction takes longer is given up (its thread is killed) and fails. */
  EXTRACT_TIMEOUT_MS: int(1000, 600_000).default(30_000),
  /** Heap cap of the extraction thread; a page needing more fails instead of taking the worker down. */
  EXTRACT_MAX_MEMORY_MB: int(64, 8192).default(512),
  /**
   * Extraction threads are replaced after this many pages, and sooner once a thread's heap
   * passes three quarters of EXTRACT_MAX_MEMORY_MB, so parser heap growth stays bounded. A fresh
   * thread costs about 4 s of CPU before it is up to speed, but at 5,000 pages the process's RSS
   * climbed through the 10-minute soak (2.9 %/min): 500 keeps it flat.
   */
  EXTRACT_RECYCLE_AFTER: int(1, 1_000_000).default(20_000),

  /** Source polls (feeds, sitemaps, sites) run at once per discover process. */
  DISCOVER_CONCURRENCY: int(1, 64).default(2),
  /** A feed, sitemap or home page is read for at most this long (a 50 MB sitemap streams in seconds). */
  DISCOVER_TIMEOUT_MS: int(1000, 600_000).default(60_000),
  /** Cap on a sitemap after decompression (the sitemap protocol allows 50 MB); more is refused as a gzip bomb would be. */
  DISCOVER_MAX_BYTES: int(1024, 1024 * 1024 * 1024).default(64 * 1024 * 1024),
  /** Cap on a feed (RSS, Atom, JSON Feed), which is parsed whole, unlike a sitemap. */
  DISCOVER_MAX_FEED_BYTES: int(1024, 256 * 1024 * 1024).default(10 * 1024 * 1024),
  /** New URLs one poll enqueues at most, newest first; the rest wait for the next poll. */
  DISCOVER_MAX_NEW_PER_POLL: int(1, 1_000_000).default(1000),
  /** Documents (feeds, sitemaps, nested sitemaps) one poll reads at most. */
  DISCOVER_MAX_DOCUMENTS: int(1, 10_000).default(50),
  /** URLs remembered per source (the seen-set in Redis), the ones listed longest ago forgotten first. */
  DISCOVER_SEEN_MAX: int(100, 10_000_000).default(100_000),
  /** The shortest interval `sources add --every` accepts. */
  DISCOVER_MIN_EVERY_SECONDS: int(1, 86_400).default(60),
  FETCH_CONCURRENCY: int(1, 500).default(8),
  EXTRACT_CONCURRENCY: int(1, 64).default(1),
  /**
   * Twice the NLP server's threads (2, locally and in compose): between two of a job's calls to
   * the server, enrich spends about 8 ms of its own (rules, blobs, Redis), and with only as many
   * jobs as threads the server idled then. In bench:pipeline (2,000 URLs, this 2-core machine),
   * 2 → 4 took the cores from 86% to 98-99% busy: 17.6 → 19.9 documents/s.
   */
  ENRICH_CONCURRENCY: int(1, 64).default(4),
  INDEX_CONCURRENCY: int(1, 1000).default(64),
  /**
   * Back-pressure: a stage takes no new job while the next stage has this many waiting (Redis
   * then holds at most this many of each stage's products; the rest waits as small jobs).
   */
  PIPELINE_MAX_AHEAD: int(10, 1_000_000).default(500),
  /** The index stage gathers jobs into one _bulk request of at most this many documents… */
  INDEX_BATCH_SIZE: int(1, 5000).default(100),
  /** …or whatever has gathered after this many milliseconds. */
  INDEX_FLUSH_MS: int(1, 60_000).default(200),
  /**
   * How long an indexed article can be found as the earlier copy of a story (its fingerprint
   * and band keys in Redis expire then): copies further apart start a story of their own.
   */
  STORY_WINDOW_HOURS: int(1, 24 * 365).default(7 * 24),

  /** How long page HTML and article text stay in Redis between stages. */
  STORE_TTL_SECONDS: int(60, 30 * 24 * 3600).default(24 * 3600),
  /** How long a blob stays once used (the page once extracted, the rest once indexed): for a look, or a late retry. */
  INDEXED_BLOB_TTL_SECONDS: int(1, 24 * 3600).default(60),
  /** How long an article's status and trace are kept while it is in the pipeline, and once it failed. */
  STATUS_TTL_SECONDS: int(60, 365 * 24 * 3600).default(30 * 24 * 3600),
  /**
   * How long the live status stays in Redis once an article is done. Its trace is in the search
   * document by then, where status look-ups find it, so Redis holds only what is in flight.
   */
  DONE_STATUS_TTL_SECONDS: int(1, 30 * 24 * 3600).default(60),
  /** SIGTERM waits this long for in-flight jobs before closing anyway. */
  SHUTDOWN_TIMEOUT_MS: int(0, 600_000).default(10_000),
});

export type Env = z.infer<typeof envSchema>;

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
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ and - only').default('newsflow'),

  SEARCH_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).default('http://127.0.0.1:9200'),
  SEARCH_FLAVOR: z.enum(['elasticsearch', 'opensearch']).default('opensearch'),
  SEARCH_USERNAME: z.string().optional(),
  SEARCH_PASSWORD: z.string().optional(),
  SEARCH_API_KEY: z.string().optional(),
  /** The alias that reads and writes go through; the concrete index is `${alias}-000001`. */
  SEARCH_INDEX: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,80}$/, 'lowercase letters, digits, _ and - only').default('newsflow-articles'),

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
    .transform((v) => v.split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== ''))
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
  /** Extraction threads are replaced after this many pages, so parser heap growth stays bounded. */
  EXTRACT_RECYCLE_AFTER: int(1, 1_000_000).default(500),

  FETCH_CONCURRENCY: int(1, 500).default(8),
  EXTRACT_CONCURRENCY: int(1, 64).default(1),
  ENRICH_CONCURRENCY: int(1, 64).default(2),
  INDEX_CONCURRENCY: int(1, 1000).default(64),
  /** The index stage gathers jobs into one _bulk request of at most this many documents… */
  INDEX_BATCH_SIZE: int(1, 5000).default(100),
  /** …or whatever has gathered after this many milliseconds. */
  INDEX_FLUSH_MS: int(1, 60_000).default(200),

  /** How long page HTML and article text stay in Redis between stages. */
  STORE_TTL_SECONDS: int(60, 30 * 24 * 3600).default(24 * 3600),
  /** How long an article's blobs stay once it is indexed (for a look, or a late retry). */
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

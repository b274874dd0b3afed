import { envSchema } from './config.schema';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Config grouped by concern; built once in a composition root and passed down. */
export interface Config {
  env: 'development' | 'production' | 'test';
  logLevel: string;
  redis: { url: string; prefix: string };
  search: {
    /** The first of `nodes`: what messages name. */
    url: string;
    /** Every node SEARCH_URL lists (one for a single node). */
    nodes: string[];
    flavor: 'elasticsearch' | 'opensearch';
    /** Elasticsearch's major (SEARCH_ES_MAJOR), or null to read it from the server. */
    esMajor: 8 | 9 | null;
    alias: string;
    auth: { username: string; password: string } | { apiKey: string } | null;
  };
  nlp: { url: string; timeoutMs: number };
  api: {
    host: string;
    port: number;
    token: string | null;
    adminOpen: boolean;
    readsOpen: boolean;
    enqueueRatePerMinute: number;
    /** API_TRUST_PROXY: false, true, or the trusted proxies' addresses / CIDR ranges. */
    trustProxy: boolean | string[];
  };
  healthPort: number | null;
  fetch: {
    allowPrivateNetworks: boolean;
    timeoutMs: number;
    maxBytes: number;
    maxRedirects: number;
    userAgent: string;
    hostConcurrency: number;
    hostRate: number;
    ignoreRobotsHosts: string[];
  };
  extract: { dom: 'jsdom' | 'linkedom'; timeoutMs: number; maxMemoryMb: number; recycleAfter: number };
  concurrency: { fetch: number; extract: number; enrich: number; index: number; discover: number };
  /** Jobs waiting in the next stage's queue before a stage holds back. */
  maxAhead: number;
  discover: {
    timeoutMs: number;
    maxBytes: number;
    maxFeedBytes: number;
    maxNewPerPoll: number;
    maxDocuments: number;
    seenMax: number;
    minEveryMs: number;
  };
  index: { batchSize: number; flushMs: number; storyWindowSeconds: number };
  store: { ttlSeconds: number; indexedTtlSeconds: number; statusTtlSeconds: number; doneStatusTtlSeconds: number };
  shutdownTimeoutMs: number;
}

const VERSION = '0.1.0';

/**
 * Parses the environment once. Every problem is listed at once, with the variable's name,
 * so a misconfigured deployment is fixed in one go. Empty strings count as unset.
 */
export function loadConfig(source: Record<string, string | undefined> = {}): Config {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if ((e.SEARCH_USERNAME === undefined) !== (e.SEARCH_PASSWORD === undefined)) {
    problems.push('SEARCH_USERNAME and SEARCH_PASSWORD: set both or neither');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const auth =
    e.SEARCH_API_KEY !== undefined
      ? { apiKey: e.SEARCH_API_KEY }
      : e.SEARCH_USERNAME !== undefined && e.SEARCH_PASSWORD !== undefined
        ? { username: e.SEARCH_USERNAME, password: e.SEARCH_PASSWORD }
        : null;

  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    redis: { url: e.REDIS_URL, prefix: e.QUEUE_PREFIX },
    search: {
      url: e.SEARCH_URL[0]!,
      nodes: e.SEARCH_URL,
      flavor: e.SEARCH_FLAVOR,
      esMajor: e.SEARCH_ES_MAJOR === 'auto' ? null : e.SEARCH_ES_MAJOR === '8' ? 8 : 9,
      alias: e.SEARCH_INDEX,
      auth,
    },
    nlp: { url: e.NLP_URL, timeoutMs: e.NLP_TIMEOUT_MS },
    api: {
      host: e.HOST,
      port: e.PORT,
      token: e.API_TOKEN ?? null,
      adminOpen: e.API_ADMIN_OPEN,
      readsOpen: e.API_READS_OPEN,
      enqueueRatePerMinute: e.API_ENQUEUE_RATE_PER_MINUTE,
      trustProxy: e.API_TRUST_PROXY,
    },
    healthPort: e.HEALTH_PORT ?? null,
    fetch: {
      allowPrivateNetworks: e.FETCH_ALLOW_PRIVATE_NETWORKS,
      timeoutMs: e.FETCH_TIMEOUT_MS,
      maxBytes: e.FETCH_MAX_BYTES,
      maxRedirects: e.FETCH_MAX_REDIRECTS,
      userAgent: e.FETCH_USER_AGENT ?? `newsflow/${VERSION} (+${e.FETCH_CONTACT_URL})`,
      hostConcurrency: e.FETCH_HOST_CONCURRENCY,
      hostRate: e.FETCH_HOST_RATE,
      ignoreRobotsHosts: e.FETCH_IGNORE_ROBOTS_HOSTS,
    },
    extract: {
      dom: e.EXTRACT_DOM,
      timeoutMs: e.EXTRACT_TIMEOUT_MS,
      maxMemoryMb: e.EXTRACT_MAX_MEMORY_MB,
      recycleAfter: e.EXTRACT_RECYCLE_AFTER,
    },
    concurrency: {
      fetch: e.FETCH_CONCURRENCY,
      extract: e.EXTRACT_CONCURRENCY,
      enrich: e.ENRICH_CONCURRENCY,
      index: e.INDEX_CONCURRENCY,
      discover: e.DISCOVER_CONCURRENCY,
    },
    maxAhead: e.PIPELINE_MAX_AHEAD,
    discover: {
      timeoutMs: e.DISCOVER_TIMEOUT_MS,
      maxBytes: e.DISCOVER_MAX_BYTES,
      maxFeedBytes: e.DISCOVER_MAX_FEED_BYTES,
      maxNewPerPoll: e.DISCOVER_MAX_NEW_PER_POLL,
      maxDocuments: e.DISCOVER_MAX_DOCUMENTS,
      seenMax: e.DISCOVER_SEEN_MAX,
      minEveryMs: e.DISCOVER_MIN_EVERY_SECONDS * 1000,
    },
    index: { batchSize: e.INDEX_BATCH_SIZE, flushMs: e.INDEX_FLUSH_MS, storyWindowSeconds: e.STORY_WINDOW_HOURS * 3600 },
    store: {
      ttlSeconds: e.STORE_TTL_SECONDS,
      indexedTtlSeconds: e.INDEXED_BLOB_TTL_SECONDS,
      statusTtlSeconds: e.STATUS_TTL_SECONDS,
      doneStatusTtlSeconds: e.DONE_STATUS_TTL_SECONDS,
    },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}

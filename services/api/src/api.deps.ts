import type { DiscoverQueue, InFlightMarker, Logger, PipelineMetrics, QueueSet, SourceManager, StatusStore } from '@newsflow/runtime';
import type { ArticleIndex } from '@newsflow/search';

/** The narrow ports the HTTP API needs. */
export interface ApiDeps {
  queues: QueueSet;
  inflight: InFlightMarker;
  status: StatusStore;
  articles: ArticleIndex;
  logger: Logger;
  /** When set, writes need `Authorization: Bearer <token>`. */
  token: string | null;
  ready: () => Promise<{ redis: boolean; search: boolean }>;
  /** API_ADMIN_OPEN: admin routes (Bull Board) open without a token, for local use. */
  adminOpen?: boolean;
  /** API_READS_OPEN: `false` (with a token) puts reads behind the token as well. */
  readsOpen?: boolean;
  /** Per-client limit on POST /articles (0 or absent: none); counted in Redis when given, so replicas share it. */
  enqueueRate?: { perMinute: number; redis?: unknown; prefix?: string };
  /** API_TRUST_PROXY: whose X-Forwarded-* headers to believe (false: nobody's). */
  trustProxy?: boolean | string[];
  /** Followed sources (POST/GET /sources…); the routes are served only when given. */
  sources?: SourceManager;
  /** The source polls' queue, shown in Bull Board next to the stages' when given. */
  discover?: DiscoverQueue;
  /** Served at GET /metrics when present. */
  metrics?: Pick<PipelineMetrics, 'render'>;
}

export interface EngineConnection {
  url: string;
  auth: { username: string; password: string } | { apiKey: string } | null;
  requestTimeoutMs?: number;
  /** Elasticsearch only: the server's major (SEARCH_ES_MAJOR); null or absent, read from GET / first. */
  esMajor?: 8 | 9 | null;
}

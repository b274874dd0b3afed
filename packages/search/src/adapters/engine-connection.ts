export interface EngineConnection {
  url: string;
  /** A cluster's nodes (url among them): requests are spread over them, a failing node is left alone until it answers again. */
  nodes?: string[];
  auth: { username: string; password: string } | { apiKey: string } | null;
  requestTimeoutMs?: number;
  /** Elasticsearch only: the server's major (SEARCH_ES_MAJOR); null or absent, read from GET / first. */
  esMajor?: 8 | 9 | null;
}

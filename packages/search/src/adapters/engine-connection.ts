export interface EngineConnection {
  url: string;
  auth: { username: string; password: string } | { apiKey: string } | null;
  requestTimeoutMs?: number;
}

import { Client } from '@opensearch-project/opensearch';
import type { Json, SearchEnginePort } from '../search.port';
import { SearchUnavailableError } from '../search.port';
import { isConnectionError, readBulkItems, readSearchHits, statusOf } from './response';
import type { EngineConnection } from './engine-connection';

/** OpenSearch through its own client: the local engine for development, tests and CI. */
export function createOpenSearchAdapter(conn: EngineConnection): SearchEnginePort {
  const client = new Client({
    node: conn.url,
    ...(conn.auth && 'username' in conn.auth ? { auth: conn.auth } : {}),
    ...(conn.auth && 'apiKey' in conn.auth ? { headers: { authorization: `ApiKey ${conn.auth.apiKey}` } } : {}),
    requestTimeout: conn.requestTimeoutMs ?? 30_000,
    maxRetries: 0,
  });
  // The client's request types are per-endpoint; our shared bodies are plain JSON.
  const api = client as unknown as {
    indices: Record<string, (p: Json) => Promise<{ body: unknown; statusCode: number }>>;
    bulk(p: Json): Promise<{ body: unknown }>;
    search(p: Json): Promise<{ body: unknown }>;
    get(p: Json): Promise<{ body: unknown }>;
    ping(): Promise<{ body: unknown }>;
  };
  const call = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (isConnectionError(err)) throw new SearchUnavailableError(`OpenSearch at ${conn.url} is unavailable: ${(err as Error).message}`);
      throw err;
    }
  };
  return {
    flavor: 'opensearch',
    async ping() {
      try {
        await api.ping();
        return true;
      } catch {
        return false;
      }
    },
    async putIndexTemplate(name, body) {
      await call(() => api.indices.putIndexTemplate!({ name, body }));
    },
    async aliasExists(alias) {
      const res = await call(() => api.indices.existsAlias!({ name: alias }));
      return res.body === true;
    },
    async createIndex(index, body) {
      try {
        await call(() => api.indices.create!({ index, body }));
        return true;
      } catch (err) {
        if (statusOf(err) === 400 && JSON.stringify((err as { meta?: { body?: unknown } }).meta?.body ?? '').includes('resource_already_exists_exception')) return false;
        throw err;
      }
    },
    async bulk(operations, refresh = false) {
      const res = await call(() => api.bulk({ body: operations, refresh }));
      return readBulkItems(res.body);
    },
    async search(index, body) {
      const res = await call(() => api.search({ index, body }));
      return readSearchHits(res.body);
    },
    async get(index, id) {
      try {
        const res = await call(() => api.get({ index, id }));
        return ((res.body as { _source?: Json })._source ?? null) as Json | null;
      } catch (err) {
        if (statusOf(err) === 404) return null;
        throw err;
      }
    },
    async refresh(index) {
      await call(() => api.indices.refresh!({ index }));
    },
    async deleteIndices(pattern) {
      await call(() => api.indices.delete!({ index: pattern, ignore_unavailable: true, allow_no_indices: true, expand_wildcards: 'all' }));
    },
    async deleteIndexTemplate(name) {
      try {
        await call(() => api.indices.deleteIndexTemplate!({ name }));
      } catch (err) {
        if (statusOf(err) !== 404) throw err;
      }
    },
    async close() {
      await client.close();
    },
  };
}

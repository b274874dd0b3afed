import { Client } from '@opensearch-project/opensearch';
import type { Json, SearchEnginePort } from '../search.port';
import { guardedCall, isAlreadyExists, nullOn404, readBulkItems, readSearchHits } from './response';
import type { EngineConnection } from './engine-connection';

/** OpenSearch through its own client: the local engine for development, tests and CI. */
export function createOpenSearchAdapter(conn: EngineConnection): SearchEnginePort {
  const client = new Client({
    node: conn.nodes && conn.nodes.length > 1 ? conn.nodes : conn.url,
    ...(conn.auth && 'username' in conn.auth ? { auth: conn.auth } : {}),
    ...(conn.auth && 'apiKey' in conn.auth ? { headers: { authorization: `ApiKey ${conn.auth.apiKey}` } } : {}),
    requestTimeout: conn.requestTimeoutMs ?? 30_000,
    maxRetries: 0,
  });
  // The client's request types are per-endpoint; our shared bodies are plain JSON.
  const api = client as unknown as {
    indices: Record<string, (p: Json) => Promise<{ body: unknown; statusCode: number }>>;
    bulk(p: Json): Promise<{ body: unknown }>;
    updateByQuery(p: Json): Promise<{ body: unknown }>;
    search(p: Json): Promise<{ body: unknown }>;
    get(p: Json): Promise<{ body: unknown }>;
    ping(): Promise<{ body: unknown }>;
  };
  const call = guardedCall('OpenSearch', conn.url);
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
        if (isAlreadyExists(err)) return false;
        throw err;
      }
    },
    async putMapping(index, body) {
      await call(() => api.indices.putMapping!({ index, body }));
    },
    async bulk(operations, refresh = false) {
      const res = await call(() => api.bulk({ body: operations, refresh }));
      return readBulkItems(res.body);
    },
    async updateByQuery(index, body) {
      const res = await call(() => api.updateByQuery({ index, body, conflicts: 'proceed', refresh: true }));
      return (res.body as { updated?: number }).updated ?? 0;
    },
    async search(index, body) {
      const res = await call(() => api.search({ index, body }));
      return readSearchHits(res.body);
    },
    async get(index, id) {
      const res = await nullOn404(() => call(() => api.get({ index, id })));
      return ((res?.body as { _source?: Json } | undefined)?._source ?? null) as Json | null;
    },
    async refresh(index) {
      await call(() => api.indices.refresh!({ index }));
    },
    async deleteIndices(pattern) {
      await call(() => api.indices.delete!({ index: pattern, ignore_unavailable: true, allow_no_indices: true, expand_wildcards: 'all' }));
    },
    async deleteIndexTemplate(name) {
      await nullOn404(() => call(() => api.indices.deleteIndexTemplate!({ name })));
    },
    async close() {
      await client.close();
    },
  };
}

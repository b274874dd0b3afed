import { Client } from '@elastic/elasticsearch';
import type { Json, SearchEnginePort } from '../search.port';
import type { EngineConnection } from './engine-connection';
import { versionedTransport } from './elasticsearch.transport';
import { guardedCall, isAlreadyExists, nullOn404, readBulkItems, readSearchHits } from './response';

/**
 * Elasticsearch 8/9 through the official 9.x client: what users run (docker compose). Its media
 * types follow the server's major (see elasticsearch.transport.ts): 8.x refuses the 9.x ones.
 */
export function createElasticsearchAdapter(conn: EngineConnection): SearchEnginePort {
  const client = new Client({
    node: conn.nodes && conn.nodes.length > 1 ? conn.nodes : conn.url,
    ...(conn.auth ? { auth: conn.auth } : {}),
    requestTimeout: conn.requestTimeoutMs ?? 30_000,
    maxRetries: 0,
    Transport: versionedTransport(conn.url, conn.esMajor ?? null),
  });
  // The 9.x client takes request bodies flattened into the params; ours are plain JSON.
  const api = client as unknown as {
    indices: Record<string, (p: Json, o?: Json) => Promise<unknown>>;
    bulk(p: Json): Promise<unknown>;
    updateByQuery(p: Json): Promise<unknown>;
    search(p: Json): Promise<unknown>;
    get(p: Json): Promise<unknown>;
    ping(): Promise<unknown>;
  };
  const call = guardedCall('Elasticsearch', conn.url);
  return {
    flavor: 'elasticsearch',
    async ping() {
      try {
        return (await api.ping()) === true;
      } catch {
        return false;
      }
    },
    async putIndexTemplate(name, body) {
      await call(() => api.indices.putIndexTemplate!({ name, ...body }));
    },
    async aliasExists(alias) {
      return (await call(() => api.indices.existsAlias!({ name: alias }))) === true;
    },
    async createIndex(index, body) {
      try {
        await call(() => api.indices.create!({ index, ...body }));
        return true;
      } catch (err) {
        if (isAlreadyExists(err)) return false;
        throw err;
      }
    },
    async putMapping(index, body) {
      await call(() => api.indices.putMapping!({ index, ...body }));
    },
    async bulk(operations, refresh = false) {
      return readBulkItems(await call(() => api.bulk({ operations, refresh })));
    },
    async updateByQuery(index, body) {
      const res = (await call(() => api.updateByQuery({ index, ...body, conflicts: 'proceed', refresh: true }))) as { updated?: number };
      return res.updated ?? 0;
    },
    async search(index, body) {
      return readSearchHits(await call(() => api.search({ index, ...body })));
    },
    async get(index, id) {
      const res = (await nullOn404(() => call(() => api.get({ index, id })))) as { _source?: Json } | null;
      return res?._source ?? null;
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

import { createSearchEngine, type SearchEnginePort, type SearchFlavor } from '@newsflow/search';
import { startEsCompatProxy, type EsCompatProxy } from './es-compat-proxy';
import { TEST_SEARCH_URL } from './services';

export interface TestEngineOptions {
  /** Elasticsearch only: the major the proxy poses as (9 by default); the adapter reads it from GET /. */
  poseAs?: 8 | 9;
}

/**
 * The search engine port of a flavor, on the local engine: the OpenSearch adapter directly, the
 * Elasticsearch adapter through the proxy that poses as an Elasticsearch 8.x or 9.x server
 * (media types checked and translated, the product header, GET /'s version).
 */
export async function openTestEngine(
  flavor: SearchFlavor,
  options: TestEngineOptions = {},
): Promise<{ engine: SearchEnginePort; proxy: EsCompatProxy | null; close(): Promise<void> }> {
  const proxy = flavor === 'elasticsearch' ? await startEsCompatProxy(TEST_SEARCH_URL, { major: options.poseAs ?? 9 }) : null;
  const engine = createSearchEngine(flavor, { url: proxy?.url ?? TEST_SEARCH_URL, auth: null });
  return {
    engine,
    proxy,
    async close() {
      await engine.close();
      await proxy?.close();
    },
  };
}

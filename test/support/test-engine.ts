import { createSearchEngine, type SearchEnginePort, type SearchFlavor } from '@newsflow/search';
import { startEsCompatProxy } from './es-compat-proxy';
import { TEST_SEARCH_URL } from './services';

/**
 * The search engine port of a flavor, on the local engine: the OpenSearch adapter directly, the
 * Elasticsearch adapter through the proxy that only translates media types and the product header.
 */
export async function openTestEngine(flavor: SearchFlavor): Promise<{ engine: SearchEnginePort; close(): Promise<void> }> {
  const proxy = flavor === 'elasticsearch' ? await startEsCompatProxy(TEST_SEARCH_URL) : null;
  const engine = createSearchEngine(flavor, { url: proxy?.url ?? TEST_SEARCH_URL, auth: null });
  return {
    engine,
    async close() {
      await engine.close();
      await proxy?.close();
    },
  };
}

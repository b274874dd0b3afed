import { createElasticsearchAdapter } from './adapters/elasticsearch.adapter';
import type { EngineConnection } from './adapters/engine-connection';
import { createOpenSearchAdapter } from './adapters/opensearch.adapter';
import type { SearchEnginePort } from './search.port';

export type SearchFlavor = 'elasticsearch' | 'opensearch';

/** Picks the adapter for SEARCH_FLAVOR; everything above it sees only the port. */
export function createSearchEngine(flavor: SearchFlavor, conn: EngineConnection): SearchEnginePort {
  switch (flavor) {
    case 'elasticsearch':
      return createElasticsearchAdapter(conn);
    case 'opensearch':
      return createOpenSearchAdapter(conn);
  }
}

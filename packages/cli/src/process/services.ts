import type { Closeable } from '@newsflow/runtime';
import { startApiService } from '@newsflow/service-api';
import { startEnrichService } from '@newsflow/service-enrich';
import { startExtractService } from '@newsflow/service-extract';
import { startFetchService } from '@newsflow/service-fetch';
import { startIndexService } from '@newsflow/service-index';
import type { ProcessInfra } from './infra.factory';

/**
 * The topology in one place: which service runs which queue's worker.
 *   api → fetch → extract → enrich → index → search engine
 */
export const SERVICE_NAMES = ['api', 'fetch', 'extract', 'enrich', 'index'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export function isServiceName(s: string): s is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(s);
}

export async function startService(name: ServiceName, p: ProcessInfra): Promise<Closeable[]> {
  switch (name) {
    case 'api':
      return startApiService(p.infra, p.articles, p.engine);
    case 'fetch':
      return startFetchService(p.infra);
    case 'extract':
      return startExtractService(p.infra);
    case 'enrich':
      return startEnrichService(p.infra);
    case 'index':
      // Every process that writes makes sure the template and alias exist (idempotent).
      await p.articles.ensure();
      return startIndexService(p.infra, p.articles);
  }
}

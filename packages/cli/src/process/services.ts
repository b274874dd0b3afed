import type { Closeable } from '@newsflow/runtime';
import type { ProcessInfra } from './infra.factory';

/**
 * The topology in one place: which service runs which queue's worker.
 *   api → fetch → extract → enrich → index → search engine
 *   discover (polls sources on their schedules) → fetch
 */
export const SERVICE_NAMES = ['api', 'fetch', 'extract', 'enrich', 'index', 'discover'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export function isServiceName(s: string): s is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(s);
}

/**
 * Each service's code is loaded only by a process that runs it: a fetch worker carries no DOM,
 * lexicons or web framework, which keeps every stage process's memory to its own.
 */
export async function startService(name: ServiceName, p: ProcessInfra): Promise<Closeable[]> {
  switch (name) {
    case 'api':
      return (await import('@newsflow/service-api')).startApiService(p.infra, p.articles, p.engine);
    case 'fetch':
      return (await import('@newsflow/service-fetch')).startFetchService(p.infra);
    case 'extract':
      return (await import('@newsflow/service-extract')).startExtractService(p.infra);
    case 'enrich': {
      // Only the enrich process talks to the NLP server; it is not ready while the server is away.
      const [{ createCoreNlpEngine }, { startEnrichService }] = await Promise.all([
        import('@newsflow/nlp'),
        import('@newsflow/service-enrich'),
      ]);
      const nlp = createCoreNlpEngine({ url: p.infra.config.nlp.url, timeoutMs: p.infra.config.nlp.timeoutMs });
      p.ready.nlp = () => nlp.isReady();
      return startEnrichService(p.infra, nlp);
    }
    case 'index':
      // Every process that writes makes sure the template and alias exist (idempotent).
      await p.articles.ensure();
      return (await import('@newsflow/service-index')).startIndexService(p.infra, p.articles);
    case 'discover':
      return (await import('@newsflow/service-discover')).startDiscoverService(p.infra);
  }
}

import type { Config } from '@newsflow/config';
import { createSearchEngine, SearchUnavailableError, type SearchEnginePort } from '@newsflow/search';
import { UnreachableError } from './cli.errors';
import { displayAddress, networkReason } from './network.reason';

/** The search engine client for one CLI command; `explain` turns "cannot reach it" into one line. */
export function openSearchEngine(config: Config): { engine: SearchEnginePort; explain(err: unknown): unknown } {
  const engine = createSearchEngine(config.search.flavor, {
    url: config.search.url,
    nodes: config.search.nodes,
    auth: config.search.auth,
    esMajor: config.search.esMajor,
  });
  return {
    engine,
    explain: (err) =>
      err instanceof SearchUnavailableError
        ? new UnreachableError(`cannot reach the search engine at ${displayAddress(config.search.url)}: ${networkReason(err)}`)
        : err,
  };
}

/** The engine's answer when the index (or alias) searched does not exist: nothing was ever indexed there. */
export function isIndexMissing(err: unknown): boolean {
  const e = err as { meta?: { statusCode?: number; body?: { error?: { type?: string } } } } | null;
  return e?.meta?.statusCode === 404 && e.meta.body?.error?.type === 'index_not_found_exception';
}

import { fileURLToPath } from 'node:url';
import { isSearchUp, startLocalEngine } from '../../../packages/cli/src/local/local-engine';
import { SHARED_SEARCH_URL } from './chaos-env';

const DATA = fileURLToPath(new URL('../../../.data/', import.meta.url));

/**
 * Scenarios that leave the engine alone use the one at SEARCH_URL (each with its own alias);
 * start the local one there when none answers, as `npm test` does. Redis is always the suite's
 * own (each scenario starts one), and scenarios 4 and 5 start their own engine.
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (await isSearchUp(SHARED_SEARCH_URL)) return async () => {};
  process.stderr.write(`no search engine at ${SHARED_SEARCH_URL}: starting the local OpenSearch (minutes on the first run)\n`);
  const engine = await startLocalEngine({ port: Number(new URL(SHARED_SEARCH_URL).port || 9200), dataDir: `${DATA}opensearch-test`, startTimeoutMs: 15 * 60_000 });
  return () => engine.stop();
}

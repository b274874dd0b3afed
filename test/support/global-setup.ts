import { fileURLToPath } from 'node:url';
import { startLocalEngine, isSearchUp } from '../../packages/cli/src/local/local-engine';
import { isNlpUp, startLocalNlp } from '../../packages/cli/src/local/local-nlp';
import { isRedisUp, startLocalRedis } from '../../packages/cli/src/local/local-redis';
import { ensureChromium } from './chromium.install';
import { TEST_NLP_URL, TEST_REDIS_URL, TEST_SEARCH_URL } from './services';

const DATA = fileURLToPath(new URL('../../.data/', import.meta.url));

/**
 * Makes `npm test` work on a fresh machine: the integration and end-to-end tiers need the real
 * Redis, the real local engine and the real CoreNLP server, so start whichever does not answer
 * (and stop it afterwards); the browser tests need Chromium.
 */
export default async function setup(): Promise<() => Promise<void>> {
  ensureChromium((line) => process.stderr.write(line));
  const started: { stop(): Promise<void> }[] = [];
  if (!(await isRedisUp(TEST_REDIS_URL))) {
    const port = Number(new URL(TEST_REDIS_URL).port || 6379);
    started.push(await startLocalRedis({ port, dataDir: `${DATA}redis-test` }));
  }
  if (!(await isSearchUp(TEST_SEARCH_URL))) {
    process.stderr.write(`no search engine at ${TEST_SEARCH_URL}: starting the local OpenSearch (minutes on the first run)\n`);
    const port = Number(new URL(TEST_SEARCH_URL).port || 9200);
    started.push(await startLocalEngine({ port, dataDir: `${DATA}opensearch-test`, startTimeoutMs: 15 * 60_000 }));
  }
  if (!(await isNlpUp(TEST_NLP_URL))) {
    process.stderr.write(`no NLP server at ${TEST_NLP_URL}: starting the local CoreNLP server (minutes on the first run)\n`);
    const port = Number(new URL(TEST_NLP_URL).port || 9000);
    started.push(await startLocalNlp({ port, dataDir: `${DATA}corenlp-test`, startTimeoutMs: 15 * 60_000 }));
  }
  return async () => {
    for (const s of started.reverse()) await s.stop();
  };
}

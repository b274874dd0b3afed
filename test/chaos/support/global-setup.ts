import { fileURLToPath } from 'node:url';
import { isSearchUp, startLocalEngine } from '../../../packages/cli/src/local/local-engine';
import { isNlpUp, startLocalNlp } from '../../../packages/cli/src/local/local-nlp';
import { SHARED_NLP_URL, SHARED_SEARCH_URL } from './chaos-env';

const DATA = fileURLToPath(new URL('../../../.data/', import.meta.url));

/**
 * Scenarios that leave the engine alone use the one at SEARCH_URL (each with its own alias);
 * start the local one there when none answers, as `npm test` does. Likewise the CoreNLP server
 * at NLP_URL the enrich processes read names from. Redis is always the suite's own (each
 * scenario starts one), scenarios 4 and 5 start their own engine, and 4b its own NLP server.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const started: { stop(): Promise<void> }[] = [];
  try {
    if (!(await isSearchUp(SHARED_SEARCH_URL))) {
      process.stderr.write(`no search engine at ${SHARED_SEARCH_URL}: starting the local OpenSearch (minutes on the first run)\n`);
      const port = Number(new URL(SHARED_SEARCH_URL).port || 9200);
      started.push(await startLocalEngine({ port, dataDir: `${DATA}opensearch-test`, startTimeoutMs: 15 * 60_000 }));
    }
    if (!(await isNlpUp(SHARED_NLP_URL))) {
      process.stderr.write(`no NLP server at ${SHARED_NLP_URL}: starting the local CoreNLP server (minutes on the first run)\n`);
      const port = Number(new URL(SHARED_NLP_URL).port || 9000);
      started.push(await startLocalNlp({ port, dataDir: `${DATA}corenlp-test`, startTimeoutMs: 15 * 60_000 }));
    }
  } catch (err) {
    // One failed to start: stop the other rather than leave it running.
    for (const s of started.reverse()) await s.stop().catch(() => undefined);
    throw err;
  }
  return async () => {
    for (const s of started.reverse()) await s.stop();
  };
}

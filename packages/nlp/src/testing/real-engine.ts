import { TEST_NLP_URL } from '../../../../test/support/services';
import { createCoreNlpEngine } from '../engine/corenlp.engine';
import type { NlpEngine } from '../engine/nlp.port';
import { enrichArticle, type EnrichArticleOptions } from '../enrich';
import type { Enrichment } from '../types';

/**
 * The real CoreNLP server the integration tests of this package run on (NLP_URL, default
 * http://127.0.0.1:9000; test/support/global-setup.ts starts one when none answers).
 * Call once per test file.
 */
export function createRealEngine(timeoutMs = 120_000): NlpEngine {
  return createCoreNlpEngine({ url: TEST_NLP_URL, timeoutMs });
}

/** For a beforeAll: fails the file at once, with the URL, when no server is ready. */
export async function requireReady(engine: NlpEngine): Promise<void> {
  if (!(await engine.isReady())) throw new Error(`no CoreNLP server is ready at ${TEST_NLP_URL} (NLP_URL)`);
}

/** enrichArticle on the real model, rethrowing a rule's error instead of hiding it as an empty result. */
export function enrichWithModel(engine: NlpEngine, text: string, options: EnrichArticleOptions = {}): Promise<Enrichment> {
  return enrichArticle(text, engine, { rethrow: true, ...options });
}

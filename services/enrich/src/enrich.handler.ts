import { enrichArticle, NlpUnavailableError, type NlpEngine } from '@newsflow/nlp';
import { PermanentError, putOff, type BlobStore, type OutagePause, type StageHandler } from '@newsflow/runtime';
import { applyNameRegistry, type NameRegistry } from './name.registry';

export interface EnrichHandlerDeps {
  blobs: Pick<BlobStore, 'get' | 'put'>;
  /** The trained model that reads the names and sentences (the CoreNLP server in practice). */
  nlp: NlpEngine;
  /** Shared by the process: how long jobs are put off while the NLP server is away or slow. */
  pause: OutagePause;
  /** Full names seen across articles: "Trump" alone is indexed as the one Trump the index knows. */
  names: NameRegistry;
}

/**
 * Finds entities and attributed quotations in the article's clean text. The NLP server being
 * away, restarting or slow is nobody's fault: the job is put off (delayed) without using one
 * of its attempts, for a pause shared by the process that grows while the outage lasts.
 */
export function createEnrichHandler({ blobs, nlp, pause, names }: EnrichHandlerDeps): StageHandler<'enrich'> {
  return async (payload, ctx) => {
    const article = await blobs.get('article', payload.id);
    if (!article) {
      throw new PermanentError('the extracted article is no longer in the store (it expired); enqueue the URL again', 'article-missing');
    }
    // Known to be away: no need to knock (and wait out a timeout) until the pause is over.
    if (pause.remainingMs() > 0) return putOff(ctx, pause.remainingMs(), 'the NLP server is away', 'debug');
    let enrichment;
    try {
      enrichment = await enrichArticle(article.text, nlp, { lang: article.lang });
    } catch (err) {
      if (err instanceof NlpUnavailableError) return putOff(ctx, pause.trouble(), err.message);
      throw err;
    }
    pause.ok();
    enrichment = await applyNameRegistry(enrichment, names);
    await blobs.put('enrichment', payload.id, enrichment);
    return { lang: enrichment.lang ?? 'und' };
  };
}

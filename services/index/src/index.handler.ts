import type { ArticleDocument, TraceEvent } from '@newsflow/contracts';
import type { StoryAssigner } from '@newsflow/dedup';
import { PermanentError, putOff, type BlobStore, type StageHandler, type StatusStore } from '@newsflow/runtime';
import { SearchUnavailableError, type BulkItemResult } from '@newsflow/search';
import { buildArticleDocument } from './article-document.builder';
import type { Batcher } from './bulk.batcher';
import type { WriteGate } from './write.gate';

export interface IndexHandlerDeps {
  blobs: Pick<BlobStore, 'get' | 'expireSoon'>;
  bulk: Pick<Batcher<ArticleDocument, BulkItemResult>, 'add'>;
  /** The article's trace so far goes into its document, where it outlives the live status. */
  status: Pick<StatusStore, 'get'>;
  /** Shared by the process: how long writes are paused while the engine is away or throttling. */
  gate: Pick<WriteGate, 'remainingMs'>;
  /** Once indexed, the article's blobs are kept this much longer, for a retry or a look. */
  keepBlobsSeconds: number;
  /** Finds the story the article is a copy of (near-duplicate look-up on its clean text). */
  stories: StoryAssigner;
}

export class IndexItemError extends Error {
  override readonly name = 'IndexItemError';
}

/**
 * Writes the article's document (id = URL hash, so a re-crawl overwrites it) through the bulk
 * batcher. The engine being away or answering 429 is nobody's fault: the job is put off
 * (delayed) without using one of its attempts, so an outage of any length loses nothing.
 */
export function createIndexHandler({ blobs, bulk, status, gate, keepBlobsSeconds, stories }: IndexHandlerDeps): StageHandler<'index'> {
  return async (payload, ctx) => {
    const [article, enrichment, live] = await Promise.all([
      blobs.get('article', payload.id),
      blobs.get('enrichment', payload.id),
      status.get(payload.id),
    ]);
    if (!article || !enrichment) {
      throw new PermanentError(
        'the article or its enrichment is no longer in the store (it expired); enqueue the URL again',
        'article-missing',
      );
    }
    const doc = buildArticleDocument(
      payload.id,
      article,
      enrichment,
      withStart(live?.trace ?? [], ctx.started),
      new Date(),
      payload.source,
    );
    // Before the write, so a copy's document is never searchable without its story.
    doc.storyId = (await stories(doc.id, doc.text)).storyId;
    let result: BulkItemResult;
    try {
      result = await bulk.add(doc);
    } catch (err) {
      if (err instanceof SearchUnavailableError || isEngineBusy(err)) {
        return putOff(ctx, gate.remainingMs(), `search engine unavailable: ${(err as Error).message}`);
      }
      throw err;
    }
    if (result.status === 429) return putOff(ctx, gate.remainingMs(), 'search engine is throttling writes (429)');
    if (result.error) {
      const reason = `search engine refused the document (${result.status} ${result.error.type}: ${result.error.reason})`;
      // 5xx is worth retrying; a mapping error will fail the same way again.
      if (result.status >= 500) throw new IndexItemError(reason);
      throw new PermanentError(reason, 'index-rejected');
    }
    await blobs.expireSoon(payload.id, keepBlobsSeconds);
    // Recorded with the article's status, so that look-ups reach the document at once (before
    // the engine's next refresh makes it findable by job id).
    return { status: result.status, documentId: doc.id };
  };
}

/** A whole-request 429 or 503 (cluster still starting, queue full) from either client. */
function isEngineBusy(err: unknown): boolean {
  const e = err as { statusCode?: number; meta?: { statusCode?: number } } | null;
  const status = e?.meta?.statusCode ?? e?.statusCode;
  return status === 429 || status === 503;
}

/**
 * The trace with this attempt's start at its end when the status store does not hold it yet:
 * the runner writes a quick job's start together with its end (stage.runner.ts), after the
 * document is built, and a document's trace must still show when indexing started (its status,
 * read from the document once the live one expires, pairs that start with `indexedAt`).
 */
export function withStart(trace: TraceEvent[], started: TraceEvent | undefined): TraceEvent[] {
  if (!started) return trace;
  const recorded = trace.some(
    (e) => e.stage === started.stage && e.event === started.event && e.at === started.at && e.attempt === started.attempt,
  );
  return recorded ? trace : [...trace, started];
}

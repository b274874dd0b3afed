import { DelayedError, type Job } from 'bullmq';
import { describe, expect, it, vi } from 'vitest';
import { PermanentError, silentLogger, type StageContext } from '@newsflow/runtime';
import type { ArticleDocument, TraceEvent } from '@newsflow/contracts';
import { SearchUnavailableError, type BulkItemResult } from '@newsflow/search';
import { createIndexHandler, IndexItemError } from './index.handler';
import { storedArticle } from '../../../test/support/stored-article';

const article = storedArticle();
const enrichment = { entities: [], quotes: [] };
const payload = { v: 1 as const, id: 'a'.repeat(32), url: 'https://e.com/a' };

function setup(result: () => Promise<BulkItemResult>, pausedMs = 2000) {
  const moveToDelayed = vi.fn(async () => undefined);
  const expireSoon = vi.fn(async () => undefined);
  const handler = createIndexHandler({
    blobs: { get: async <T>(kind: string) => (kind === 'article' ? article : enrichment) as T, expireSoon },
    bulk: { add: result },
    status: { get: async () => null },
    gate: { remainingMs: () => pausedMs },
    keepBlobsSeconds: 600,
    stories: async (id) => ({ storyId: id, matchedId: null, similarity: null }),
  });
  const ctx = { job: { moveToDelayed } as unknown as Job, token: 'tok', logger: silentLogger(), attempt: 1 } satisfies StageContext;
  return { run: () => handler(payload, ctx), moveToDelayed, expireSoon };
}

describe('index handler', () => {
  it('puts the trace so far into the document, where it outlives the live status', async () => {
    const trace = [{ stage: 'index', event: 'started' as const, at: '2024-04-26T00:00:01.000Z', attempt: 1 }];
    let written: ArticleDocument | undefined;
    const handler = createIndexHandler({
      blobs: { get: async <T>(kind: string) => (kind === 'article' ? article : enrichment) as T, expireSoon: async () => undefined },
      bulk: { add: async (doc) => ((written = doc), { id: doc.id, status: 201, error: null }) },
      status: {
        get: async (id) => ({
          id,
          url: payload.url,
          state: 'indexing',
          stage: 'index',
          reason: null,
          attempt: 1,
          updatedAt: trace[0]!.at,
          trace,
        }),
      },
      gate: { remainingMs: () => 0 },
      keepBlobsSeconds: 60,
      stories: async (id) => ({ storyId: id, matchedId: null, similarity: null }),
    });
    const ctx = { job: {} as Job, token: 'tok', logger: silentLogger(), attempt: 1 } satisfies StageContext;
    await handler(payload, ctx);
    expect(written?.trace).toEqual(trace);
  });

  it("adds this attempt's start to the document's trace when the runner has not written it yet, never twice", async () => {
    const queued = { stage: 'fetch', event: 'queued' as const, at: '2024-04-26T00:00:00.000Z' };
    const started = { stage: 'index', event: 'started' as const, at: '2024-04-26T00:00:01.000Z', attempt: 1 };
    const traces: ArticleDocument['trace'][] = [];
    const handlerWith = (trace: TraceEvent[]) =>
      createIndexHandler({
        blobs: { get: async <T>(kind: string) => (kind === 'article' ? article : enrichment) as T, expireSoon: async () => undefined },
        bulk: { add: async (doc) => (traces.push(doc.trace), { id: doc.id, status: 201, error: null }) },
        status: {
          get: async (id) => ({
            id,
            url: payload.url,
            state: 'indexing',
            stage: 'index',
            reason: null,
            attempt: null,
            updatedAt: queued.at,
            trace,
          }),
        },
        gate: { remainingMs: () => 0 },
        keepBlobsSeconds: 60,
        stories: async (id) => ({ storyId: id, matchedId: null, similarity: null }),
      });
    const ctx = { job: {} as Job, token: 'tok', logger: silentLogger(), attempt: 1, started } satisfies StageContext;
    await handlerWith([queued])(payload, ctx);
    await handlerWith([queued, started])(payload, ctx);
    expect(traces).toEqual([
      [queued, started],
      [queued, started],
    ]);
  });

  it('puts the source the job carries into the document', async () => {
    const source = { id: 'b'.repeat(32), url: 'https://e.com/feed.xml' };
    let written: ArticleDocument | undefined;
    const handler = createIndexHandler({
      blobs: { get: async <T>(kind: string) => (kind === 'article' ? article : enrichment) as T, expireSoon: async () => undefined },
      bulk: { add: async (doc) => ((written = doc), { id: doc.id, status: 201, error: null }) },
      status: { get: async () => null },
      gate: { remainingMs: () => 0 },
      keepBlobsSeconds: 60,
      stories: async (id) => ({ storyId: id, matchedId: null, similarity: null }),
    });
    const ctx = { job: {} as Job, token: 'tok', logger: silentLogger(), attempt: 1 } satisfies StageContext;
    await handler({ ...payload, source }, ctx);
    expect(written?.source).toEqual(source);
  });

  it('gives the document the story its clean text belongs to before writing it', async () => {
    let written: ArticleDocument | undefined;
    const asked: [string, string][] = [];
    const handler = createIndexHandler({
      blobs: { get: async <T>(kind: string) => (kind === 'article' ? article : enrichment) as T, expireSoon: async () => undefined },
      bulk: { add: async (doc) => ((written = doc), { id: doc.id, status: 201, error: null }) },
      status: { get: async () => null },
      gate: { remainingMs: () => 0 },
      keepBlobsSeconds: 60,
      stories: async (id, text) => (asked.push([id, text]), { storyId: 'f'.repeat(32), matchedId: 'f'.repeat(32), similarity: 0.9 }),
    });
    await handler(payload, { job: {} as Job, token: 'tok', logger: silentLogger(), attempt: 1 });
    expect(asked).toEqual([[written!.id, article.text]]);
    expect(written?.storyId).toBe('f'.repeat(32));
  });

  it('indexes and lets the article blobs expire soon', async () => {
    const s = setup(async () => ({ id: payload.id, status: 201, error: null }));
    await expect(s.run()).resolves.toEqual({ status: 201, documentId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(s.expireSoon).toHaveBeenCalledWith(payload.id, 600);
  });

  it('puts the job off, without using an attempt, until the shared pause is over', async () => {
    const s = setup(async () => {
      throw new SearchUnavailableError('connect ECONNREFUSED');
    }, 5000);
    // The pause counted from the call, however long the call took on a loaded machine.
    const before = Date.now();
    await expect(s.run()).rejects.toBeInstanceOf(DelayedError);
    const after = Date.now();
    const [until, token] = s.moveToDelayed.mock.calls[0] as unknown as [number, string];
    expect(until - before).toBeGreaterThan(5000);
    expect(until - after).toBeLessThan(6100);
    expect(token).toBe('tok');
  });

  it('puts the job off when its item is throttled (429)', async () => {
    const s = setup(async () => ({
      id: payload.id,
      status: 429,
      error: { type: 'es_rejected_execution_exception', reason: 'queue full' },
    }));
    await expect(s.run()).rejects.toBeInstanceOf(DelayedError);
  });

  it('fails at once, with the engine’s reason, when the mapping refuses the document', async () => {
    const s = setup(async () => ({
      id: payload.id,
      status: 400,
      error: { type: 'strict_dynamic_mapping_exception', reason: 'field [x] not allowed' },
    }));
    const err = await s.run().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as Error).message).toMatch(/400 strict_dynamic_mapping_exception: field \[x\] not allowed/);
  });

  it('retries (with an attempt) an item error of the engine itself (5xx)', async () => {
    const s = setup(async () => ({ id: payload.id, status: 500, error: { type: 'x', reason: 'y' } }));
    await expect(s.run()).rejects.toBeInstanceOf(IndexItemError);
  });
});

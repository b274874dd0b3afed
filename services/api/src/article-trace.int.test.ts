import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdFor, type ArticleState, type TraceEvent } from '@newsflow/contracts';
import { buildArticleDocument } from '../../../test/support/article-documents';
import type { StoredArticle } from '@newsflow/contracts';
import { startRealApiApp, type RealApiApp } from '../../../test/support/api-app';
import { eventually } from '../../../test/support/services';
import { storedArticle } from '../../../test/support/stored-article';

const at = (ms: number) => new Date(Date.UTC(2024, 3, 26, 0, 0, 0) + ms).toISOString();

function stored(url: string): StoredArticle {
  return storedArticle({
    url,
    finalUrl: url,
    fetchedAt: at(0),
    title: 'Talks in Beijing',
    publishedAt: at(0),
    siteName: 'Example News',
    text: 'The ministers met.',
  });
}

/** The state the runner records with each event (the event's stage, or the next one once it completed). */
const STATE: Record<string, ArticleState> = { fetch: 'fetching', extract: 'extracting', enrich: 'enriching', index: 'indexing' };

// Issue 16, item 8: trace events that reach Redis out of order (the index job started before the
// enrich job recorded its end) left the index step open — "index running" for good once the live
// status expired and the trace came from the document. Written out of order here, on the real
// Redis, with the document in the real engine.
describe('an article whose trace events were written out of order (real Redis and engine)', () => {
  let api: RealApiApp;
  beforeAll(async () => {
    api = await startRealApiApp({ statusTtl: 3600, doneStatusTtl: 1 });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('shows every step closed, live and once the live status has expired', async () => {
    const url = 'https://news.example.com/2024/04/26/out-of-order';
    const id = articleIdFor(url);
    const record = (event: TraceEvent, state: ArticleState = STATE[event.stage]!) =>
      api.status.update(id, { url, state, stage: event.stage, attempt: event.attempt ?? null, event });
    await record({ stage: 'fetch', event: 'queued', at: at(0) }, 'queued');
    for (const [i, stage] of ['fetch', 'extract'].entries()) {
      await record({ stage, event: 'started', at: at(100 + i * 200), attempt: 1 });
      await record({ stage, event: 'completed', at: at(200 + i * 200), attempt: 1, detail: '100 ms' });
    }
    await record({ stage: 'enrich', event: 'started', at: at(500), attempt: 1 });
    // The index job starts before the enrich job's end is recorded.
    await record({ stage: 'index', event: 'started', at: at(700), attempt: 1 });
    await record({ stage: 'enrich', event: 'completed', at: at(650), attempt: 1, detail: '150 ms' }, 'indexing');

    // The index job copies the live trace, as written, into the document.
    const live = await api.status.get(id);
    expect(live!.trace.map((e) => `${e.stage}:${e.event}`).slice(-3)).toEqual(['enrich:started', 'index:started', 'enrich:completed']);
    const doc = buildArticleDocument(id, stored(url), { entities: [], quotes: [] } as never, live!.trace, new Date(at(900)));
    expect((await api.articles.write([doc], { refresh: true }))[0]?.error).toBeNull();
    await record({ stage: 'index', event: 'completed', at: at(900), attempt: 1, detail: '200 ms' }, 'done');

    const expectAllClosed = async (when: string) => {
      const trace = await api.app.inject({ url: `/articles/${id}/trace` });
      expect(trace.statusCode, when).toBe(200);
      const body = trace.json() as { state: string; stages: { stage: string; outcome: string; attempt: number; ms: number | null }[] };
      expect(body.state, when).toBe('done');
      expect(
        body.stages.map((s) => [s.stage, s.outcome, s.attempt]),
        when,
      ).toEqual([
        ['fetch', 'completed', 1],
        ['extract', 'completed', 1],
        ['enrich', 'completed', 1],
        ['index', 'completed', 1],
      ]);
      expect(body.stages.find((s) => s.stage === 'enrich')?.ms, when).toBe(150);
      const article = await api.app.inject({ url: `/articles/${id}` });
      expect(article.json(), when).toMatchObject({ state: 'done' });
      const events = (article.json() as { trace: TraceEvent[] }).trace.filter((e) => e.stage === 'index').map((e) => e.event);
      expect(events, when).toEqual(['started', 'completed']);
    };
    await expectAllClosed('live');
    // The live record expires (DONE_STATUS_TTL_SECONDS, 1 s here): the document answers.
    await eventually('the live status to expire', async () => (await api.status.get(id)) === null, 5000, 100);
    await expectAllClosed('from the document');
  });
});

import { describe, expect, it } from 'vitest';
import { statusFromDocument } from './article-status';

const base = { id: 'a'.repeat(32), url: 'https://e.com/a', indexedAt: '2024-04-26T00:00:02.000Z' };

describe('status from a search document', () => {
  it('is done, and the write closes the index stage the document was written in', () => {
    const s = statusFromDocument({
      ...base,
      trace: [
        { stage: 'fetch', event: 'queued', at: '2024-04-26T00:00:00.000Z' },
        { stage: 'index', event: 'started', at: '2024-04-26T00:00:01.000Z', attempt: 2 },
      ],
    });
    expect(s.state).toBe('done');
    expect(s.updatedAt).toBe(base.indexedAt);
    expect(s.trace.at(-1)).toEqual({ stage: 'index', event: 'completed', at: base.indexedAt, attempt: 2, detail: 'indexed' });
  });

  it('is done with an empty trace for a document indexed before traces were kept', () => {
    const s = statusFromDocument(base);
    expect(s.state).toBe('done');
    expect(s.trace).toEqual([]);
  });

  it('closes the index attempt that wrote the document when other events were written after its start', () => {
    // The enrich job recorded its end after the index job had started (two workers, one list).
    const s = statusFromDocument({
      ...base,
      trace: [
        { stage: 'enrich', event: 'started', at: '2024-04-26T00:00:00.500Z', attempt: 1 },
        { stage: 'index', event: 'started', at: '2024-04-26T00:00:01.000Z', attempt: 1 },
        { stage: 'enrich', event: 'completed', at: '2024-04-26T00:00:00.900Z', attempt: 1 },
      ],
    });
    expect(s.trace.filter((e) => e.stage === 'index')).toEqual([
      { stage: 'index', event: 'started', at: '2024-04-26T00:00:01.000Z', attempt: 1 },
      { stage: 'index', event: 'completed', at: base.indexedAt, attempt: 1, detail: 'indexed' },
    ]);
  });

  it('closes the latest index start, not the highest attempt, and nothing already closed', () => {
    // Enriched again: the earlier run's index ended at attempt 3; this run's index is attempt 1.
    const earlier = [
      { stage: 'index', event: 'started' as const, at: '2024-04-25T00:00:00.000Z', attempt: 3 },
      { stage: 'index', event: 'completed' as const, at: '2024-04-25T00:00:01.000Z', attempt: 3, detail: 'indexed' },
    ];
    const again = statusFromDocument({
      ...base,
      trace: [...earlier, { stage: 'index', event: 'started', at: '2024-04-26T00:00:01.000Z', attempt: 1 }],
    });
    expect(again.trace.at(-1)).toEqual({ stage: 'index', event: 'completed', at: base.indexedAt, attempt: 1, detail: 'indexed' });
    expect(statusFromDocument({ ...base, trace: earlier }).trace).toEqual(earlier);
    // Put off (the engine was away) and started again under the same attempt: still open.
    const postponed = statusFromDocument({
      ...base,
      trace: [
        { stage: 'index', event: 'started', at: '2024-04-26T00:00:00.000Z', attempt: 1 },
        { stage: 'index', event: 'postponed', at: '2024-04-26T00:00:00.100Z', attempt: 1 },
        { stage: 'index', event: 'started', at: '2024-04-26T00:00:01.000Z', attempt: 1 },
      ],
    });
    expect(postponed.trace.at(-1)).toMatchObject({ event: 'completed', attempt: 1 });
  });
});

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
});

import { describe, expect, it } from 'vitest';
import { JOBS } from './registry';

const id = 'a'.repeat(32);
const url = 'https://news.example.com/a';
const source = { id: 'b'.repeat(32), url: 'https://news.example.com/feed.xml' };

describe('article job payloads and their source', () => {
  it.each(['extract', 'enrich', 'index'] as const)(
    '%s: a payload queued before sources existed still parses, as one enqueued by hand',
    (stage) => {
      const parsed = JOBS[stage].schema.parse({ v: 1, id, url });
      expect(parsed).toEqual({ v: 1, id, url });
      expect(parsed.source).toBeUndefined();
    },
  );

  it('fetch: carries the source that enqueued the URL', () => {
    const requestedAt = '2026-01-02T03:04:05.000Z';
    expect(JOBS.fetch.schema.parse({ v: 1, id, url, requestedAt, source })).toEqual({ v: 1, id, url, requestedAt, source });
    expect(JOBS.fetch.schema.parse({ v: 1, id, url, requestedAt }).source).toBeUndefined();
  });

  it('refuses a source without a proper id or URL, saying which', () => {
    const bad = JOBS.index.schema.safeParse({ v: 1, id, url, source: { id: 'not-an-id', url: '' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['source.id', 'source.url']);
  });
});

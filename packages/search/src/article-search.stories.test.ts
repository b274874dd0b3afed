import { describe, expect, it } from 'vitest';
import { buildArticleSearch, readArticleSearch } from './article-search.query';
import type { SearchHits } from './search.port';

describe('article search by story', () => {
  it('collapses on storyId and counts stories by default; all=true does neither', () => {
    const byStory = buildArticleSearch({ q: 'bridge', facets: true });
    expect(byStory.collapse).toEqual({ field: 'storyId', inner_hits: { name: 'copies', size: 0 } });
    const aggs = byStory.aggs as Record<string, { aggs?: unknown; terms?: { order?: unknown } }>;
    expect(aggs.stories).toEqual({ cardinality: { field: 'storyId', precision_threshold: 40_000 } });
    expect(aggs.people!.aggs).toEqual({ stories: aggs.stories });
    expect(aggs.people!.terms!.order).toEqual([{ stories: 'desc' }, { _key: 'asc' }]);
    expect(buildArticleSearch({ q: 'bridge' }).aggs).toEqual({ stories: aggs.stories }); // the total, even without facets

    const all = buildArticleSearch({ q: 'bridge', facets: true, all: true });
    expect(all.collapse).toBeUndefined();
    const plain = all.aggs as Record<string, { aggs?: unknown }>;
    expect(plain.stories).toBeUndefined();
    expect(plain.people!.aggs).toBeUndefined();
  });

  it('reads stories as the total, copies per hit, and stories per facet bucket', () => {
    const found: SearchHits = {
      total: 5,
      hits: [
        { id: 'a', score: 1, source: {}, highlight: {}, innerHits: { copies: [] }, innerTotals: { copies: 3 } },
        { id: 'b', score: 1, source: {}, highlight: {}, innerHits: { copies: [] }, innerTotals: { copies: 2 } },
      ],
      aggregations: {
        stories: { value: 2 },
        sites: { buckets: [{ key: 'x.example', doc_count: 4, stories: { value: 2 } }] },
        perDay: { buckets: [{ key: 1, key_as_string: '2024-04-26', doc_count: 5, stories: { value: 2 } }] },
      },
    };
    const read = readArticleSearch(found, {});
    expect(read.total).toBe(2);
    expect(read.documents).toBe(5);
    expect(read.hits.map((h) => h.copies)).toEqual([3, 2]);
    expect(read.aggregations).toEqual({
      sites: { buckets: [{ key: 'x.example', doc_count: 2, documents: 4 }] },
      perDay: { buckets: [{ key: 1, key_as_string: '2024-04-26', doc_count: 2, documents: 5 }] },
    });
    const all = readArticleSearch({ ...found, aggregations: {} }, { all: true });
    expect([all.total, all.documents, all.hits.map((h) => h.copies)]).toEqual([5, 5, [1, 1]]);
  });
});

import { describe, expect, it } from 'vitest';
import { buildQuoteCountSearch, planQuotePage } from './quote-search.query';

describe('planQuotePage', () => {
  const articles = [
    { id: 'a', count: 3 },
    { id: 'b', count: 1 },
    { id: 'c', count: 4 },
  ];
  it('pages over quotations across articles', () => {
    expect(planQuotePage(articles, 0, 2)).toEqual([{ id: 'a', skip: 0, take: 2 }]);
    expect(planQuotePage(articles, 2, 3)).toEqual([
      { id: 'a', skip: 2, take: 1 },
      { id: 'b', skip: 0, take: 1 },
      { id: 'c', skip: 0, take: 1 },
    ]);
    expect(planQuotePage(articles, 7, 5)).toEqual([{ id: 'c', skip: 3, take: 1 }]);
    expect(planQuotePage(articles, 8, 5)).toEqual([]);
    expect(planQuotePage(articles, 0, 0)).toEqual([]);
  });
});

describe('buildQuoteCountSearch', () => {
  it('caps the page like article search and never sends raw query_string', () => {
    expect(() => buildQuoteCountSearch({ from: 9_990, size: 20 })).toThrow(RangeError);
    const body = JSON.stringify(buildQuoteCountSearch({ q: 'a OR b', speaker: 'Wang Yi', facets: true }));
    expect(body).toContain('simple_query_string');
    expect(body).not.toContain('"query_string"');
  });
});

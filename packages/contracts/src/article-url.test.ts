import { describe, expect, it } from 'vitest';
import { articleIdFor, normalizeArticleUrl, resolveUrlInput } from './article-url';

describe('normalizeArticleUrl', () => {
  it('lower-cases scheme and host, drops default port, fragment and tracking parameters, sorts the rest', () => {
    expect(normalizeArticleUrl('HTTPS://News.Example.COM:443/World/Story?utm_source=x&b=2&a=1&fbclid=zz#comments')).toBe(
      'https://news.example.com/World/Story?a=1&b=2',
    );
  });
  it('gives two spellings of one article the same id', () => {
    const a = articleIdFor(normalizeArticleUrl('http://example.com:80/a?gclid=1'));
    const b = articleIdFor(normalizeArticleUrl('http://EXAMPLE.com/a#top'));
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
  });
  it('refuses non-http schemes and garbage with a reason', () => {
    expect(() => normalizeArticleUrl('ftp://example.com/x')).toThrow(/only http and https/);
    expect(() => normalizeArticleUrl('javascript:alert(1)')).toThrow(/only http and https/);
    expect(() => normalizeArticleUrl('not a url')).toThrow(/not a valid absolute URL/);
  });
});

describe('resolveUrlInput', () => {
  it('keeps a stable id for invalid input so its failure can be tracked', () => {
    const r = resolveUrlInput('  nope ');
    expect(r.ok).toBe(false);
    expect(r.id).toBe(resolveUrlInput('nope').id);
  });
});

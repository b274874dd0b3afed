import { describe, expect, it } from 'vitest';
import { articleIdFor, assertUrlFitsJob, MAX_URL_LENGTH, normalizeArticleUrl, resolveUrlInput, UrlTooLongError } from './article-url';
import { fetchJob } from './jobs/fetch.job';

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

describe('assertUrlFitsJob', () => {
  const grows = `https://example.com/${'é'.repeat(4000)}`;

  it('refuses a URL that grows past the limit once normalised, saying so', () => {
    expect(grows.length).toBeLessThan(MAX_URL_LENGTH);
    const r = resolveUrlInput(grows);
    expect(r.url.length).toBeGreaterThan(MAX_URL_LENGTH);
    expect(() => assertUrlFitsJob(r.url, grows)).toThrow(UrlTooLongError);
    expect(() => assertUrlFitsJob(r.url, grows)).toThrow(
      /24020 characters long once normalised \(non-ASCII characters are percent-encoded\), more than the 8192 allowed/,
    );
  });

  it('refuses input that is too long as given, valid URL or not', () => {
    const long = `not a url ${'x'.repeat(MAX_URL_LENGTH)}`;
    expect(() => assertUrlFitsJob(resolveUrlInput(long).url, long)).toThrow(
      /^the URL is 8202 characters long, more than the 8192 allowed$/,
    );
  });

  it('lets through exactly what the fetch job carries', () => {
    const fits = `https://example.com/${'a'.repeat(MAX_URL_LENGTH - 20)}`;
    expect(fits.length).toBe(MAX_URL_LENGTH);
    expect(() => assertUrlFitsJob(fits, fits)).not.toThrow();
    const payload = { v: 1, id: articleIdFor(fits), url: fits, requestedAt: new Date().toISOString() };
    expect(fetchJob.schema.safeParse(payload).success).toBe(true);
    expect(fetchJob.schema.safeParse({ ...payload, url: `${fits}a` }).success).toBe(false);
  });
});

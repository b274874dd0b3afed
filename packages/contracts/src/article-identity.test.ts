import { describe, expect, it } from 'vitest';
import { documentIdFor, trustedCanonicalUrl, trustedSiteName } from './article-identity';
import { articleIdFor, normalizeArticleUrl } from './article-url';

const idOf = (url: string) => articleIdFor(normalizeArticleUrl(url));
const JOB = 'f'.repeat(32);

describe('documentIdFor: one document for one article, however it was reached', () => {
  it('uses the canonical URL the page declares on its own site', () => {
    const canonical = 'https://www.example.com/world/2024/story';
    expect(documentIdFor(JOB, 'https://www.example.com/world/2024/story?page=1', canonical)).toBe(idOf(canonical));
    // another subdomain of the same registrable domain (mobile pages, AMP)
    expect(documentIdFor(JOB, 'https://m.example.com/story', canonical)).toBe(idOf(canonical));
    // a public suffix with two labels: bbc.co.uk is the site, not co.uk
    expect(documentIdFor(JOB, 'https://m.bbc.co.uk/news/1', 'https://www.bbc.co.uk/news/1')).toBe(idOf('https://www.bbc.co.uk/news/1'));
  });

  it('ignores a canonical URL on another site, keeping the address the redirects reached', () => {
    const finalUrl = 'https://blog.attacker.test/copied-story';
    expect(documentIdFor(JOB, finalUrl, 'https://www.example.com/world/2024/story')).toBe(idOf(finalUrl));
    expect(documentIdFor(JOB, 'https://news.co.uk/a', 'https://other.co.uk/a')).toBe(idOf('https://news.co.uk/a'));
  });

  it('without a canonical URL, two links that redirect to one address give one id', () => {
    expect(documentIdFor(JOB, 'https://example.com/story', null)).toBe(
      documentIdFor('0'.repeat(32), 'https://example.com/story#top', null),
    );
  });

  it('on hosts without a registrable domain, only the same host counts', () => {
    expect(documentIdFor(JOB, 'http://127.0.0.1:8080/a', 'http://127.0.0.1:8080/b')).toBe(idOf('http://127.0.0.1:8080/b'));
    expect(documentIdFor(JOB, 'http://127.0.0.1:8080/a', 'http://127.0.0.2:8080/b')).toBe(idOf('http://127.0.0.1:8080/a'));
  });

  it('falls back past a canonical URL that is not http(s), and to the job id when nothing parses', () => {
    expect(documentIdFor(JOB, 'https://example.com/a', 'ftp://example.com/a')).toBe(idOf('https://example.com/a'));
    expect(documentIdFor(JOB, 'not a url', null)).toBe(JOB);
  });
});

describe('trustedCanonicalUrl: the one rule for believing a page about where it is from', () => {
  it('keeps an http(s) canonical URL on the fetched site', () => {
    expect(trustedCanonicalUrl('https://m.bbc.co.uk/news/1', 'https://www.bbc.co.uk/news/1')).toBe('https://www.bbc.co.uk/news/1');
    expect(trustedCanonicalUrl('http://127.0.0.1:8080/a', 'http://127.0.0.1:8080/b')).toBe('http://127.0.0.1:8080/b');
  });

  it('drops one naming another site, or that is not http(s)', () => {
    expect(trustedCanonicalUrl('https://blog.attacker.test/copied', 'https://www.bbc.co.uk/news/1')).toBeNull();
    expect(trustedCanonicalUrl('https://news.co.uk/a', 'https://other.co.uk/a')).toBeNull();
    expect(trustedCanonicalUrl('https://example.com/a', 'javascript://example.com/%0Aalert(1)')).toBeNull();
    expect(trustedCanonicalUrl('https://example.com/a', 'ftp://example.com/a')).toBeNull();
    expect(trustedCanonicalUrl('https://example.com/a', 'not a url')).toBeNull();
    expect(trustedCanonicalUrl('https://example.com/a', null)).toBeNull();
  });

  it('is what documentIdFor believes', () => {
    const finalUrl = 'https://blog.attacker.test/copied';
    const claimed = 'https://www.bbc.co.uk/news/1';
    expect(documentIdFor(JOB, finalUrl, claimed)).toBe(documentIdFor(JOB, finalUrl, trustedCanonicalUrl(finalUrl, claimed)));
  });
});

describe('trustedSiteName', () => {
  it('keeps a name that is no host name, and a host name on the fetched site', () => {
    expect(trustedSiteName('https://copycat.example/a', 'BBC News')).toBe('BBC News');
    expect(trustedSiteName('https://m.bbc.co.uk/news/1', 'bbc.co.uk')).toBe('bbc.co.uk');
    expect(trustedSiteName('https://www.reuters.com/a', 'Reuters.com')).toBe('Reuters.com');
    expect(trustedSiteName('https://example.com/a', null)).toBeNull();
  });

  it("names the site after the fetched host instead of another site's host", () => {
    expect(trustedSiteName('https://www.copycat.example/a', 'bbc.co.uk')).toBe('copycat.example');
    expect(trustedSiteName('https://news.co.uk/a', 'other.co.uk')).toBe('news.co.uk');
    expect(trustedSiteName('http://127.0.0.1:8080/a', '127.0.0.2')).toBe('127.0.0.1');
  });
});

import { describe, expect, it } from 'vitest';
import { whyAddressIsNoHomePage, whyNotAHomePage, type HtmlPage } from './home.page';

const page = (url: string, over: Partial<HtmlPage> = {}): HtmlPage => ({
  url,
  finalUrl: url,
  contentType: 'text/html',
  feeds: 0,
  ...over,
});

describe('an HTML page taken as a site: only when it can be one', () => {
  it.each([
    ['https://www.example.com/', 0],
    ['https://www.example.com', 0],
    ['https://www.example.com/?lang=en', 0],
    ['https://www.example.com/index.html', 0],
    ['https://www.example.com/default.aspx', 0],
    // A section page (or any page) that announces its feeds.
    ['https://www.example.com/news/', 1],
    ['https://www.example.com/world/europe', 2],
  ])('%s, announcing %d feeds, is a home page', (url, feeds) => {
    expect(whyNotAHomePage(page(url, { feeds }))).toBeNull();
  });

  it('a home page served as XHTML is one', () => {
    expect(whyNotAHomePage(page('https://www.example.com/', { contentType: 'application/xhtml+xml' }))).toBeNull();
  });

  it('an article page deep in a site, announcing no feed, is not (its host would be crawled whole)', () => {
    expect(whyNotAHomePage(page('https://www.example.com/2024/05/07/rates-hold.html'))).toBe(
      "is an HTML page, not a feed or sitemap (and not a site's home page: it links no feeds); give the feed's URL or the site's home page",
    );
    expect(whyNotAHomePage(page('https://www.example.com/news/'))).toMatch(/it links no feeds/);
  });

  it.each(['application/rss+xml', 'application/atom+xml', 'application/xml', 'text/xml', 'application/feed+json', 'application/json'])(
    'a page served as %s is not, whatever it links',
    (contentType) => {
      expect(whyNotAHomePage(page('https://www.example.com/', { contentType, feeds: 2 }))).toBe(
        `is an HTML page, not a feed or sitemap (though served as ${contentType}); give the feed's URL or the site's home page`,
      );
    },
  );

  it.each([
    'https://www.example.com/html-as-feed.xml',
    'https://www.example.com/news.rss',
    'https://www.example.com/news.atom',
    'https://www.example.com/sitemap.xml.gz',
    'https://www.example.com/feed.json',
    'https://www.example.com/feed/',
    'https://www.example.com/category/world/feed',
    'https://www.example.com/rss',
    'https://www.example.com/feed/atom/',
    'https://www.example.com/sitemap',
  ])('a page at %s, an address naming a feed or sitemap, is not, whatever it links', (url) => {
    expect(whyNotAHomePage(page(url, { feeds: 1 }))).toMatch(/not a feed or sitemap \(though its address names one\)/);
    expect(whyAddressIsNoHomePage(url)).not.toBeNull();
  });

  it('a feed address redirected to the home page is not one; a home page redirected to its language root is', () => {
    expect(whyNotAHomePage(page('https://www.example.com/old-feed.xml', { finalUrl: 'https://www.example.com/', feeds: 1 }))).toMatch(
      /address names one/,
    );
    expect(whyNotAHomePage(page('https://example.com/', { finalUrl: 'https://www.example.com/en/' }))).toBeNull();
  });

  it('names a feed by its address only, not by a word inside it', () => {
    expect(whyAddressIsNoHomePage('https://www.example.com/')).toBeNull();
    expect(whyAddressIsNoHomePage('https://www.example.com/feeding-the-city/')).toBeNull();
    expect(whyAddressIsNoHomePage('https://www.example.com/rss-explained.html')).toBeNull();
  });
});

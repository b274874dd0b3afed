import { describe, expect, it } from 'vitest';
import { extractArticle } from './article.extractor';
import { createDocument } from './dom.factory';
import type { DomChoice } from './dom.factory';
import { httpUrl } from './http-url';
import { readLeadImage } from './lead-image.reader';
import { readMetadata } from './metadata.reader';

const PAGE_URL = 'https://news.example/world/story';
const BODY = `<article><h1>A story</h1>${['roads', 'schools', 'libraries', 'parks']
  .map(
    (what) =>
      `<p>The council met on Tuesday and agreed the budget for next year after a long debate about the ${what} of the town, which many residents had followed closely.</p>`,
  )
  .join('')}</article>`;

function page(head: string, body = BODY): string {
  return `<!doctype html><html lang="en"><head><title>A story</title>${head}</head><body>${body}</body></html>`;
}

describe('httpUrl', () => {
  it('keeps http(s) URLs, resolved against the page', () => {
    expect(httpUrl('/img/a.jpg', PAGE_URL)).toBe('https://news.example/img/a.jpg');
    expect(httpUrl(' HTTP://Other.example/x ', PAGE_URL)).toBe('http://other.example/x');
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(document.cookie)',
    'java\nscript:alert(1)',
    'data:image/png;base64,AAAA',
    'vbscript:x',
    'file:///etc/passwd',
    'ftp://news.example/a',
  ])('drops %j', (url) => {
    expect(httpUrl(url, PAGE_URL)).toBeNull();
  });

  it('drops relative URLs on a page whose own address is not http(s)', () => {
    expect(httpUrl('/story', 'file:///tmp/page.html')).toBeNull();
  });
});

describe.each<DomChoice>(['jsdom', 'linkedom'])('URLs in metadata with %s', (dom) => {
  const meta = (head: string, body?: string) => readMetadata(createDocument(page(head, body), PAGE_URL, dom), PAGE_URL);

  it('drops a javascript: canonical and image, falling back to the next source', () => {
    const m = meta(`<link rel="canonical" href="javascript:alert(1)">
      <meta property="og:url" content="https://news.example/world/story-canonical">
      <meta property="og:image" content="javascript:alert(2)">
      <meta name="twitter:image" content="https://img.news.example/lead.jpg">`);
    expect(m.canonicalUrl).toBe('https://news.example/world/story-canonical');
    expect(m.sources.canonicalUrl).toBe('opengraph');
    expect(m.imageUrl).toBe('https://img.news.example/lead.jpg');
    expect(m.sources.image).toBe('meta');
  });

  it('leaves them empty when no source gives an http(s) URL', () => {
    const m = meta(`<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="data:text/html,x">
      <meta property="og:image" content="javascript:alert(2)">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"A story","image":"javascript:alert(3)"}</script>`);
    expect(m.canonicalUrl).toBeNull();
    expect(m.imageUrl).toBeNull();
  });

  it('takes no javascript: image from the first figure either', () => {
    const doc = createDocument(
      page('', `<figure><img src="javascript:alert(1)"><figcaption>The town hall on a sunny day</figcaption></figure>${BODY}`),
      PAGE_URL,
      dom,
    );
    expect(readLeadImage(doc, null, PAGE_URL).figureUrl).toBeNull();
  });

  it('gives the extracted article only http(s) canonical and image URLs', () => {
    const article = extractArticle(
      page(
        `<link rel="canonical" href="javascript:alert(1)"><meta property="og:image" content="javascript:alert(2)">`,
        `<figure><img src="javascript:alert(3)"><figcaption>The town hall on a sunny day</figcaption></figure>${BODY}`,
      ),
      { url: PAGE_URL, dom },
    );
    expect(article.canonicalUrl).toBeNull();
    expect(article.image).toBeNull();
    expect(article.siteName).toBe('news.example');
  });
});

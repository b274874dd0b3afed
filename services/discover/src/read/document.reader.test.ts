import { readFileSync } from 'node:fs';
import { ReadableStream } from 'node:stream/web';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { DocumentItem } from '../formats/found';
import { DocumentProblem } from './document.problem';
import { readDocument, type DocumentEvent, type DocumentFormat } from './document.reader';

const fixture = (name: string) => readFileSync(new URL(`../../../../test/fixtures/sources/${name}`, import.meta.url));

/** The body in small pieces, so that every parser meets tags and characters cut in two. */
function streamOf(bytes: Uint8Array, chunk = 37): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(c) {
      if (at >= bytes.byteLength) return c.close();
      c.enqueue(bytes.subarray(at, at + chunk));
      at += chunk;
    },
  });
}

interface Read {
  format: DocumentFormat | null;
  items: DocumentItem[];
  error: DocumentProblem | null;
}

async function read(
  body: Uint8Array | string,
  opts: { url?: string; type?: string; charset?: string; maxBytes?: number; maxFeedBytes?: number } = {},
): Promise<Read> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const out: Read = { format: null, items: [], error: null };
  try {
    const events: AsyncGenerator<DocumentEvent> = readDocument(
      {
        url: opts.url ?? 'https://feeds.example.com/doc',
        contentType: opts.type ?? '',
        charset: opts.charset ?? null,
        body: streamOf(bytes),
      },
      { maxBytes: opts.maxBytes ?? 1 << 20, maxFeedBytes: opts.maxFeedBytes ?? 1 << 20 },
    );
    for await (const e of events) {
      if (e.type === 'format') out.format = e.format;
      else out.items.push(e);
    }
  } catch (err) {
    if (!(err instanceof DocumentProblem)) throw err;
    out.error = err;
  }
  return out;
}

const urls = (r: Read) => r.items.flatMap((i) => (i.type === 'url' ? [i.found.url] : []));
const skipped = (r: Read) => r.items.flatMap((i) => (i.type === 'skipped' ? [`${i.why}: ${i.link}`] : []));
const iso = (r: Read) =>
  r.items.flatMap((i) => (i.type === 'url' ? [i.found.changedAt === null ? null : new Date(i.found.changedAt).toISOString()] : []));

describe('feeds', () => {
  it('RSS 0.91 in ISO-8859-1, its DOCTYPE naming an external DTD that is never fetched', async () => {
    const r = await read(fixture('rss-0.91.xml'), { type: 'text/xml' });
    expect(r.error).toBeNull();
    expect(r.format).toBe('rss');
    expect(urls(r)).toEqual([
      'https://news.example.org/2024/espresso-prices.html',
      'https://news.example.org/2024/barista-championship.html',
    ]);
    const first = r.items[0];
    expect(first?.type === 'url' && first.found.title).toBe('Café crème prices rise');
  });

  it('RSS 1.0 (RDF), dates from dc:date', async () => {
    const r = await read(fixture('rss-1.0.rdf'), { type: 'application/rdf+xml' });
    expect(r.format).toBe('rdf');
    expect(urls(r)).toEqual(['https://rdf.example.net/world/summit', 'https://rdf.example.net/science/comet']);
    expect(iso(r)).toEqual(['2024-05-01T09:30:00.000Z', '2024-05-02T16:00:00.000Z']);
  });

  it('RSS 2.0: link, a permalink guid, a relative link resolved; mailto and missing links skipped', async () => {
    // Served as text/html, as some servers do: the bytes decide.
    const r = await read(fixture('rss-2.0.xml'), { url: 'https://daily.example.com/feed.xml', type: 'text/html' });
    expect(r.error).toBeNull();
    expect(r.format).toBe('rss');
    expect(urls(r)).toEqual([
      'https://daily.example.com/2024/05/03/bridge-reopens?utm_source=rss',
      'https://daily.example.com/2024/05/02/guid-only',
      'https://daily.example.com/2024/05/01/relative-link',
    ]);
    expect(iso(r)).toEqual(['2024-05-03T08:00:00.000Z', '2024-05-02T09:00:00.000Z', '2024-05-01T10:00:00.000Z']);
    expect(skipped(r)).toEqual(['not-http: mailto:editor@daily.example.com', 'not-a-url: (an item without a link)']);
  });

  it('Atom 1.0: the alternate link (not the enclosure), updated before published, a relative href, an id that is a URL', async () => {
    const r = await read(fixture('atom.xml'), { url: 'https://observer.example.com/atom.xml', type: 'application/atom+xml' });
    expect(r.format).toBe('atom');
    expect(urls(r)).toEqual([
      'https://observer.example.com/2024/rivers-rise',
      'https://observer.example.com/2024/relative-entry',
      'https://observer.example.com/2024/id-only',
    ]);
    expect(iso(r)[0]).toBe('2024-05-04T11:00:00.000Z');
  });

  it('JSON Feed 1.1: url, else an id that is a URL; a javascript: URL skipped', async () => {
    const r = await read(fixture('feed.json'), { type: 'application/feed+json' });
    expect(r.format).toBe('json');
    expect(urls(r)).toEqual(['https://json.example.com/2024/markets-rally', 'https://json.example.com/2024/id-is-url']);
    expect(iso(r)[0]).toBe('2024-05-05T10:00:00.000Z');
    expect(skipped(r)).toEqual(['not-http: javascript:alert(1)']);
  });

  it('a feed over its cap is refused', async () => {
    const r = await read(fixture('rss-2.0.xml'), { maxFeedBytes: 200 });
    expect(r.error?.code).toBe('too-large');
    expect(r.error?.message).toMatch(/feed larger than 200 bytes/);
  });

  it('malformed JSON says so', async () => {
    const r = await read('{"version": "https://jsonfeed.org/version/1", "items": [', { type: 'application/json' });
    expect(r.error?.code).toBe('malformed');
    expect(r.error?.message).toMatch(/not valid JSON/);
  });
});

describe('sitemaps', () => {
  it('urlset: loc and lastmod, whitespace and &amp; in loc, image:loc ignored; relative, ftp and empty entries skipped', async () => {
    const r = await read(fixture('sitemap.xml'), { type: 'application/xml' });
    expect(r.format).toBe('urlset');
    expect(urls(r)).toEqual([
      'https://www.example.com/news/one',
      'https://www.example.com/news/two?a=1&b=2',
      'https://www.example.com/news/three',
    ]);
    expect(iso(r)).toEqual(['2024-05-06T10:00:00.000Z', '2024-05-05T00:00:00.000Z', null]);
    expect(skipped(r)).toEqual([
      'relative: /news/relative',
      'not-http: ftp://www.example.com/news/file',
      'not-a-url: (a <url> without <loc>)',
    ]);
  });

  it('Google News sitemap: news:publication_date when there is no lastmod, news:title', async () => {
    const r = await read(fixture('news-sitemap.xml'));
    expect(r.format).toBe('urlset');
    expect(r.items).toEqual([
      {
        type: 'url',
        found: {
          url: 'https://www.example.com/business/2024/05/07/rates-hold',
          changedAt: Date.parse('2024-05-07T05:30:00Z'),
          title: 'Central bank holds rates',
        },
      },
      {
        type: 'url',
        found: {
          url: 'https://www.example.com/sport/2024/05/07/final',
          changedAt: Date.parse('2024-05-07T12:00:00Z'),
          title: 'Cup final: Reds & Blues draw',
        },
      },
    ]);
  });

  it('sitemapindex: its sitemaps with their lastmod; a relative one skipped', async () => {
    const r = await read(fixture('sitemap-index.xml'));
    expect(r.format).toBe('sitemapindex');
    expect(r.items.filter((i) => i.type === 'sitemap')).toEqual([
      { type: 'sitemap', url: 'https://www.example.com/sitemap-2024-05.xml', changedAt: Date.parse('2024-05-07T00:00:00Z') },
      { type: 'sitemap', url: 'https://www.example.com/sitemap-2024-04.xml.gz', changedAt: Date.parse('2024-04-30') },
    ]);
    expect(skipped(r)).toEqual(['relative: sitemap-relative.xml']);
  });

  it('a gzipped sitemap is read through (magic bytes, whatever the Content-Type)', async () => {
    const r = await read(gzipSync(fixture('sitemap.xml')), { type: 'application/octet-stream' });
    expect(r.format).toBe('urlset');
    expect(urls(r)).toHaveLength(3);
  });

  it('a gzip bomb stops at the cap, with what came before kept', async () => {
    const entry = (i: number) => `<url><loc>https://www.example.com/a/${i}</loc></url>`;
    const bomb = gzipSync(
      Buffer.concat([Buffer.from(`<?xml version="1.0"?><urlset>${entry(1)}${entry(2)}`), Buffer.alloc(16 * 1024 * 1024, 0x20)]),
    );
    expect(bomb.byteLength).toBeLessThan(32 * 1024);
    const r = await read(bomb, { maxBytes: 4 * 1024 * 1024 });
    expect(r.error?.code).toBe('gzip');
    expect(r.error?.message).toMatch(/inflates to more than 4194304 bytes.*gzip bomb/);
    expect(urls(r)).toEqual(['https://www.example.com/a/1', 'https://www.example.com/a/2']);
  });

  it('a body that is not gzip after its magic bytes says so', async () => {
    const r = await read(Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(r.error?.code).toBe('gzip');
    expect(r.error?.message).toMatch(/not valid gzip/);
  });
});

describe('bad input', () => {
  it('entity expansion (billion laughs) is refused, never expanded', async () => {
    const r = await read(fixture('billion-laughs.xml'));
    expect(r.error?.code).toBe('entities');
    expect(r.error?.message).toMatch(/declares entities in its DOCTYPE/);
    expect(r.items).toEqual([]);
  });

  it('an external entity is refused, never resolved', async () => {
    const r = await read(fixture('external-entity.xml'));
    expect(r.error?.code).toBe('entities');
    expect(JSON.stringify(r)).not.toMatch(/root:/);
  });

  it('malformed XML: the error with its line, the entries before it kept', async () => {
    const r = await read(fixture('malformed.xml'));
    expect(r.error?.code).toBe('malformed');
    expect(r.error?.message).toMatch(/not well-formed XML \(line 4, column \d+: Unexpected close tag\)/);
    expect(urls(r)).toEqual(['https://www.example.com/fine/before-the-break']);
  });

  it('a malformed feed gives none of its items (it is parsed whole), unlike a sitemap', async () => {
    const r = await read(
      '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>' +
        '<item><link>https://www.example.com/fine/1</link></item>\n<item><link>https://www.example.com/broken/2</lnk></item></channel></rss>',
    );
    expect(r.format).toBe('rss');
    expect(r.error?.code).toBe('malformed');
    expect(r.error?.message).toMatch(/not well-formed XML \(line 2,/);
    expect(urls(r)).toEqual([]);
  });

  it('a document cut short is malformed', async () => {
    const r = await read('<?xml version="1.0"?><urlset><url><loc>https://www.example.com/x</loc></url>');
    expect(r.error?.code).toBe('malformed');
  });

  it('XML that is neither a feed nor a sitemap names its root', async () => {
    const r = await read('<?xml version="1.0"?><opml version="2.0"><body/></opml>');
    expect(r.error?.code).toBe('not-a-feed');
    expect(r.error?.message).toMatch(/root element is <opml>/);
  });

  it('an HTML page is read as a page (the caller decides whether that is wrong)', async () => {
    const r = await read(fixture('not-a-feed.html'), { type: 'text/html' });
    expect(r.format).toBe('html');
    expect(r.items).toEqual([]);
  });

  it('an empty body is no document', async () => {
    const r = await read('');
    expect(r.error?.message).toMatch(/is empty/);
  });
});

describe('home pages', () => {
  it('finds the feeds a page announces, relative to <base>, not comments feeds, wp-json, oEmbed or links in the body', async () => {
    const r = await read(fixture('home.html'), { url: 'https://herald.example.com/', type: 'text/html; charset=utf-8' });
    expect(r.format).toBe('html');
    expect(r.items.filter((i) => i.type === 'feed')).toEqual([
      { type: 'feed', url: 'https://herald.example.com/news/feed.xml' },
      { type: 'feed', url: 'https://herald.example.com/atom.xml' },
      { type: 'feed', url: 'https://herald.example.com/feed.json' },
    ]);
    expect(skipped(r)).toEqual(['not-http: javascript:void(0)']);
  });
});

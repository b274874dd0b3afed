import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';

/** What a path serves: a body (ETag-validated), or a handler streaming its own answer. */
export type SitePage =
  | { body: string | Buffer; type?: string; status?: number; headers?: Record<string, string> }
  | { stream: () => Readable; type?: string; headers?: Record<string, string> };

export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

/**
 * A news site on loopback for the sources tests: feeds, sitemaps, robots.txt and pages that can
 * change between polls. Bodies get a strong ETag from their content, and an If-None-Match that
 * matches it is answered 304, as a real server's static files are.
 */
export interface SourceSite {
  url: string;
  /** Serves (or, with null, stops serving: 404) a path from now on. */
  set(path: string, page: SitePage | null): void;
  requests: SeenRequest[];
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startSourceSite(pages: Record<string, SitePage> = {}): Promise<SourceSite> {
  const routes = new Map(Object.entries(pages));
  const requests: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path, headers: req.headers });
    const page = routes.get(path);
    if (!page) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    if ('stream' in page) {
      res.writeHead(200, { 'content-type': page.type ?? 'application/xml', ...page.headers });
      return void page.stream().pipe(res);
    }
    serveBody(res, page, req.headers['if-none-match']);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    set: (path, page) => void (page === null ? routes.delete(path) : routes.set(path, page)),
    requests,
    hits: (path) => requests.filter((r) => r.path === path).length,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function serveBody(res: ServerResponse, page: Extract<SitePage, { body: unknown }>, ifNoneMatch: string | undefined): void {
  const etag = `"${createHash('sha1').update(page.body).digest('hex').slice(0, 16)}"`;
  const status = page.status ?? 200;
  if (status === 200 && ifNoneMatch === etag) return void res.writeHead(304, { etag }).end();
  res
    .writeHead(status, { 'content-type': page.type ?? 'application/xml', ...(status === 200 ? { etag } : {}), ...page.headers })
    .end(page.body);
}

/** An RSS 2.0 feed of the given items. */
export function rssFeed(items: { url: string; title?: string; date?: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test feed</title><link>https://example.invalid/</link><description>Tests</description>
${items.map((i) => `<item><title>${i.title ?? i.url}</title><link>${i.url}</link>${i.date ? `<pubDate>${new Date(i.date).toUTCString()}</pubDate>` : ''}</item>`).join('\n')}
</channel></rss>`;
}

/** A sitemap urlset; `news` makes it a Google News sitemap. */
export function urlset(items: { url: string; lastmod?: string; title?: string }[], news = false): string {
  const ns = news ? ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' : '';
  const entry = (i: { url: string; lastmod?: string; title?: string }) =>
    news
      ? `<url><loc>${i.url}</loc><news:news><news:publication><news:name>Test</news:name><news:language>en</news:language></news:publication><news:publication_date>${i.lastmod ?? '2024-05-01T00:00:00Z'}</news:publication_date><news:title>${i.title ?? 'A story'}</news:title></news:news></url>`
      : `<url><loc>${i.url}</loc>${i.lastmod ? `<lastmod>${i.lastmod}</lastmod>` : ''}</url>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${ns}>\n${items.map(entry).join('\n')}\n</urlset>`;
}

export function sitemapIndex(urls: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.map((u) => `<sitemap><loc>${u}</loc></sitemap>`).join('\n')}\n</sitemapindex>`;
}

export function homePage(feeds: string[]): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Home</title>
${feeds.map((f) => `<link rel="alternate" type="application/rss+xml" title="Feed" href="${f}">`).join('\n')}
</head><body><h1>News</h1></body></html>`;
}

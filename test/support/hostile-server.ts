// Test support (not a test file): a local HTTP server that misbehaves in every way the fetcher
// must survive. Each route is one hostile (or well-behaved) case.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';

export const SAMPLE_TEXT: Record<string, string> = {
  'windows-1252': 'Le café « crème » coûte 3 € — déjà vu, naïve façade. Où est la bibliothèque ? Très élégant.',
  shift_jis: '日本語のニュース記事です。東京で会議が開かれました。首相は記者会見で発表した。',
  gb18030: '中文新闻报道：北京今天举行了重要会议，领导人发表了讲话。𠀀',
  'utf-8': 'Grüße aus München — 日本 中文 Ελληνικά 🎉',
};

export const PAGE_ETAG = '"page-v1"';
export const PAGE_LAST_MODIFIED = 'Tue, 03 Nov 2026 10:00:00 GMT';

// 16 MiB of zeros gzips to about 16 KiB: a bomb of 1000x.
const GZIP_BOMB = gzipSync(Buffer.alloc(16 * 1024 * 1024));

export interface HostileServer {
  origin: string;
  port: number;
  /** Absolute URLs the /to-loopback and /to-metadata routes redirect to. */
  redirectTargets: { loopback: string; metadata: string; privateName: string };
  close(): Promise<void>;
}

function charsetPage(name: string, mode: string): { headers: http.OutgoingHttpHeaders; body: Buffer } {
  const text = SAMPLE_TEXT[name] ?? '';
  const label = name === 'gb18030' && mode === 'gb2312-label' ? 'gb2312' : name;
  const meta =
    mode === 'meta'
      ? `<meta charset="${label}">`
      : mode === 'http-equiv'
        ? `<meta http-equiv="Content-Type" content="text/html; charset=${label}">`
        : '';
  const html = `<!doctype html><html><head>${meta}<title>t</title></head><body><p>${text}</p><p>${text}</p><p>${text}</p></body></html>`;
  const contentType = mode === 'header' || mode === 'gb2312-label' ? `text/html; charset=${label}` : 'text/html';
  return { headers: { 'content-type': contentType }, body: iconv.encode(html, name) };
}

function route(request: http.IncomingMessage, response: http.ServerResponse, targets: HostileServer['redirectTargets']): void {
  const url = new URL(request.url ?? '/', 'http://test');
  const html = (body: string, extra: http.OutgoingHttpHeaders = {}) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...extra });
    response.end(body);
  };
  const redirect = (location: string, status = 302) => {
    response.writeHead(status, { location });
    response.end();
  };
  const path = url.pathname;
  const hop = /^\/hop\/(\d+)$/.exec(path);
  if (hop) {
    const n = Number(hop[1]);
    if (n >= 6) html('<p>end of the chain</p>');
    else redirect(`/hop/${n + 1}`, n % 2 === 0 ? 301 : 307);
    return;
  }
  const charset = /^\/charset\/([^/]+)\/([^/]+)$/.exec(path);
  if (charset) {
    const page = charsetPage(decodeURIComponent(charset[1] ?? ''), charset[2] ?? '');
    response.writeHead(200, page.headers);
    response.end(page.body);
    return;
  }
  switch (path) {
    case '/page':
      if (request.headers['if-none-match'] === PAGE_ETAG || request.headers['if-modified-since'] === PAGE_LAST_MODIFIED) {
        response.writeHead(304, { etag: PAGE_ETAG });
        response.end();
        return;
      }
      html(`<!doctype html><html><head><title>News</title></head><body><p>ua=${request.headers['user-agent']}</p></body></html>`, {
        etag: PAGE_ETAG,
        'last-modified': PAGE_LAST_MODIFIED,
      });
      return;
    case '/xhtml':
      response.writeHead(200, { 'content-type': 'application/xhtml+xml' });
      response.end('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>');
      return;
    case '/untyped-html':
      response.writeHead(200, {});
      response.end('  <!DOCTYPE html><html><body><p>no content type</p></body></html>');
      return;
    case '/untyped-pdf':
      response.writeHead(200, {});
      response.end('%PDF-1.4\n%âãÏÓ\n1 0 obj');
      return;
    case '/pdf':
      response.writeHead(200, { 'content-type': 'application/pdf' });
      response.end('%PDF-1.4\n');
      return;
    case '/image':
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      return;
    case '/gzip-bomb':
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      response.end(GZIP_BOMB);
      return;
    case '/declared-huge':
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(1024 * 1024 * 1024) });
      response.write('<p>');
      return; // never finishes; the fetcher must refuse on the header alone
    case '/endless': {
      response.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(16 * 1024, 'a');
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
      return;
    }
    case '/drip': {
      response.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => response.write('a'), 200);
      response.on('close', () => clearInterval(timer));
      return;
    }
    case '/silent':
      return; // accepts the request and never answers
    case '/many-headers': {
      const headers: [string, string][] = [['content-type', 'text/html']];
      for (let i = 0; i < 1000; i++) headers.push([`x-filler-${i}`, 'padding-padding-padding']);
      response.writeHead(200, headers.flat());
      response.end('<p>too many headers</p>');
      return;
    }
    case '/loop-a':
      redirect('/loop-b');
      return;
    case '/loop-b':
      redirect('/loop-a#fragment-does-not-hide-the-loop');
      return;
    case '/to-ftp':
      redirect('ftp://files.example.com/a.html');
      return;
    case '/to-loopback':
      redirect(targets.loopback);
      return;
    case '/to-metadata':
      redirect(targets.metadata);
      return;
    case '/to-private-name':
      redirect(targets.privateName);
      return;
    case '/no-location':
      response.writeHead(302, {});
      response.end();
      return;
    case '/404':
      response.writeHead(404, 'Not Found');
      response.end('gone');
      return;
    case '/408':
      response.writeHead(408);
      response.end();
      return;
    case '/410':
      response.writeHead(410);
      response.end();
      return;
    case '/503':
      response.writeHead(503, { 'retry-after': '30' });
      response.end('down');
      return;
    case '/429':
      response.writeHead(429, { 'retry-after': '7' });
      response.end();
      return;
    case '/429-date':
      response.writeHead(429, { 'retry-after': new Date(Date.now() + 60_000).toUTCString() });
      response.end();
      return;
    default:
      response.writeHead(404);
      response.end();
  }
}

export async function startHostileServer(host: string, redirectTargets: HostileServer['redirectTargets']): Promise<HostileServer> {
  const server = http.createServer((request, response) => route(request, response, redirectTargets));
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    port,
    redirectTargets,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Accepts TCP connections on every local address of one port and only counts them. */
export async function startConnectionCounter(): Promise<{ port: number; count(): number; close(): Promise<void> }> {
  let connections = 0;
  const server = http.createServer((_request, response) => response.end('reached'));
  server.on('connection', () => connections++);
  // "::" with ipv6Only false is dual-stack, so 127.0.0.1, 127.0.0.2, ::1 and 0.0.0.0 all land here.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host: '::', ipv6Only: false }, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    count: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

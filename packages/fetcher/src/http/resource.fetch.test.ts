import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchFailure } from './fetch.failure';
import { startHostileServer, PAGE_ETAG, type HostileServer } from '../../../../test/support/hostile-server';
import { createPageFetcher, type FetchedResource, type PageFetcher } from './page.fetcher';

// fetchResource: what discover reads feeds and sitemaps with, under fetchPage's guards.
let server: HostileServer;
let fetcher: PageFetcher;

beforeAll(async () => {
  server = await startHostileServer('127.0.0.1', {
    loopback: 'http://127.0.0.1:1/',
    metadata: 'http://169.254.169.254/',
    privateName: 'http://intranet.test/',
  });
  fetcher = createPageFetcher({ userAgent: 'newsflow-test/1.0', timeoutMs: 2000, maxBytes: 1024, allowPrivateNetworks: true });
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

const get = (path: string, maxBytes = 64 * 1024, extra = {}) =>
  fetcher.fetchResource(`${server.origin}${path}`, { accept: 'application/xml', maxBytes, ...extra });

async function readAll(r: FetchedResource): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const c of r.body) chunks.push(c);
  return Buffer.concat(chunks);
}

async function failure(p: Promise<unknown>): Promise<FetchFailure> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchFailure);
  return err as FetchFailure;
}

describe('fetchResource', () => {
  it('hands back any content type as a stream, with its validators; its own cap, not the page cap', async () => {
    const r = await get('/pdf');
    expect(r).toMatchObject({ status: 200, contentType: 'application/pdf', notModified: false });
    expect((await readAll(r)).toString()).toBe('%PDF-1.4\n');
    const page = await get('/page');
    expect(page.etag).toBe(PAGE_ETAG);
    expect((await readAll(page)).byteLength).toBeGreaterThan(0);
  });

  it('answers a conditional request with notModified and an empty body', async () => {
    const r = await get('/page', 64 * 1024, { conditional: { etag: PAGE_ETAG } });
    expect(r.notModified).toBe(true);
    expect((await readAll(r)).byteLength).toBe(0);
  });

  it('errors the stream past the cap, counted after Content-Encoding is undone (a gzip bomb)', async () => {
    const r = await get('/gzip-bomb', 1024 * 1024);
    const f = await failure(readAll(r));
    expect(f.code).toBe('too-large');
    expect(f.message).toMatch(/larger than the 1048576-byte limit/);
  });

  it('refuses a declared length over the cap before reading, and an error status as fetchPage does', async () => {
    expect((await failure(get('/declared-huge', 1024))).code).toBe('too-large');
    expect((await failure(get('/404'))).code).toBe('http-4xx');
    expect((await failure(get('/503'))).permanent).toBe(false);
  });

  it('keeps its deadline over the body', async () => {
    const r = await get('/drip', 1024 * 1024, { timeoutMs: 1000 });
    const f = await failure(readAll(r));
    expect(f.code).toBe('timeout');
  });
});

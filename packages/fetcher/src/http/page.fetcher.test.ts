import { createServer, type AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeAddress } from './address.policy';
import { FetchFailure, type FetchFailureCode } from './fetch.failure';
import {
  startConnectionCounter,
  startHostileServer,
  PAGE_ETAG,
  PAGE_LAST_MODIFIED,
  SAMPLE_TEXT,
  type HostileServer,
} from '../../../../test/support/hostile-server';
import { createPageFetcher, createPageFetcherWithSeams, type PageFetcher, type PageFetcherOptions } from './page.fetcher';

const OPTIONS: PageFetcherOptions = {
  userAgent: 'newsflow-test/1.0',
  timeoutMs: 2000,
  maxBytes: 256 * 1024,
  maxRedirects: 5,
  allowPrivateNetworks: true,
};

let server: HostileServer;
let fetcher: PageFetcher;
let counter: Awaited<ReturnType<typeof startConnectionCounter>>;

beforeAll(async () => {
  counter = await startConnectionCounter();
  server = await startHostileServer('127.0.0.1', {
    loopback: `http://127.0.0.1:${counter.port}/admin`,
    metadata: 'http://169.254.169.254/latest/meta-data/',
    privateName: `http://intranet.test:${counter.port}/`,
  });
  fetcher = createPageFetcher(OPTIONS);
});

afterAll(async () => {
  await fetcher.close();
  await server.close();
  await counter.close();
});

async function failureOf(promise: Promise<unknown>): Promise<FetchFailure> {
  const outcome = await promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) throw new Error(`expected a FetchFailure, got ${JSON.stringify(outcome.value).slice(0, 200)}`);
  expect(outcome.error).toBeInstanceOf(FetchFailure);
  return outcome.error as FetchFailure;
}

async function expectFailure(path: string, code: FetchFailureCode, permanent: boolean, using = fetcher): Promise<FetchFailure> {
  const failure = await failureOf(using.fetchPage(server.origin + path));
  expect({ code: failure.code, permanent: failure.permanent }, failure.message).toEqual({ code, permanent });
  return failure;
}

describe('successful fetches', () => {
  it('returns a normal page with its validators', async () => {
    const page = await fetcher.fetchPage(`${server.origin}/page#section`);
    expect(page).toMatchObject({
      requestedUrl: `${server.origin}/page#section`,
      finalUrl: `${server.origin}/page`,
      status: 200,
      redirects: [],
      contentType: 'text/html',
      charset: 'utf-8',
      etag: PAGE_ETAG,
      lastModified: PAGE_LAST_MODIFIED,
      notModified: false,
    });
    expect(page.html).toContain('ua=newsflow-test/1.0');
  });

  it('answers a conditional request with notModified and empty html', async () => {
    for (const conditional of [{ etag: PAGE_ETAG }, { lastModified: PAGE_LAST_MODIFIED }]) {
      const page = await fetcher.fetchPage(`${server.origin}/page`, conditional);
      expect(page).toMatchObject({ status: 304, notModified: true, html: '', etag: PAGE_ETAG });
    }
  });

  it('follows up to five redirects and lists them', async () => {
    const page = await fetcher.fetchPage(`${server.origin}/hop/1`);
    expect(page.finalUrl).toBe(`${server.origin}/hop/6`);
    expect(page.redirects).toEqual([1, 2, 3, 4, 5].map((n) => `${server.origin}/hop/${n}`));
  });

  it('accepts XHTML and sniffs HTML when Content-Type is missing', async () => {
    expect((await fetcher.fetchPage(`${server.origin}/xhtml`)).contentType).toBe('application/xhtml+xml');
    const untyped = await fetcher.fetchPage(`${server.origin}/untyped-html`);
    expect(untyped.contentType).toBe('text/html');
    expect(untyped.html).toContain('no content type');
  });
});

describe('charsets', () => {
  const cases: [string, string, string][] = [];
  for (const name of Object.keys(SAMPLE_TEXT)) {
    for (const mode of ['header', 'meta', 'http-equiv', 'none']) cases.push([name, mode, name]);
  }
  // gb2312 is a label of GBK in the Encoding Standard (GBK is read with the GB18030 decoder).
  cases.push(['gb18030', 'gb2312-label', 'gbk']);

  it.each(cases)('decodes %s declared by %s', async (name, mode, expected) => {
    const page = await fetcher.fetchPage(`${server.origin}/charset/${name}/${mode}`);
    expect(page.charset).toBe(expected);
    expect(page.html).toContain(SAMPLE_TEXT[name]);
  });

  it('does not honour charset=utf-7 in the header, as browsers do not', async () => {
    // The page's markup spelled in UTF-7 ("<" is "+ADw-"): read as a browser reads it, no tag.
    const page = await fetcher.fetchPage(`${server.origin}/charset/utf-7/header`);
    expect(page.charset).not.toBe('utf-7');
    expect(page.html).toContain('+ADw-');
    expect(page.html).not.toContain('<p>');
  });
});

describe('failures', () => {
  it('stops a gzip bomb at the byte cap', async () => {
    const failure = await expectFailure('/gzip-bomb', 'too-large', true);
    expect(failure.message).toMatch(/262144-byte limit/);
  });

  it('stops an endless chunked stream at the byte cap', async () => {
    await expectFailure('/endless', 'too-large', true);
  });

  it('refuses a declared Content-Length over the cap without reading it', async () => {
    await expectFailure('/declared-huge', 'too-large', true);
  });

  it('gives up on a one-byte drip at the overall deadline', async () => {
    const quick = createPageFetcher({ ...OPTIONS, timeoutMs: 700 });
    // The drip never ends: the deadline ends it, 700 ms on, late by at most this process's
    // event-loop lag meanwhile (a loaded machine), not at the default 2 s or never.
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    const started = Date.now();
    await expectFailure('/drip', 'timeout', false, quick);
    const elapsed = Date.now() - started;
    lag.disable();
    expect(elapsed).toBeGreaterThanOrEqual(690);
    expect(elapsed).toBeLessThan(700 + 500 + lag.max / 1e6);
    await expectFailure('/silent', 'timeout', false, quick);
    await quick.close();
  });

  it('refuses 1,000 response headers', async () => {
    await expectFailure('/many-headers', 'headers-too-large', true);
  });

  it('honours a smaller maxHeaderBytes', async () => {
    const strict = createPageFetcher({ ...OPTIONS, maxHeaderBytes: 100 });
    await expectFailure('/page', 'headers-too-large', true, strict);
    await strict.close();
  });

  it('detects a redirect loop and too many redirects', async () => {
    const loop = await expectFailure('/loop-a', 'redirect-loop', true);
    expect(loop.message).toContain('/loop-b');
    await expectFailure('/hop/0', 'too-many-redirects', true);
  });

  it('refuses redirects to other schemes and 3xx without Location', async () => {
    await expectFailure('/to-ftp', 'unsupported-scheme', true);
    await expectFailure('/no-location', 'not-html', true);
  });

  it('refuses PDFs and images, declared or sniffed', async () => {
    const pdf = await expectFailure('/pdf', 'not-html', true);
    expect(pdf.message).toContain('application/pdf');
    await expectFailure('/image', 'not-html', true);
    await expectFailure('/untyped-pdf', 'not-html', true);
  });

  it('classifies HTTP errors', async () => {
    const notFound = await expectFailure('/404', 'http-4xx', true);
    expect(notFound.message).toBe(`${server.origin}/404 answered 404 Not Found`);
    expect(notFound.status).toBe(404);
    await expectFailure('/410', 'http-4xx', true);
    await expectFailure('/408', 'http-4xx', false);
    const unavailable = await expectFailure('/503', 'http-5xx', false);
    expect(unavailable.status).toBe(503);
  });

  it('parses Retry-After on 429', async () => {
    const seconds = await expectFailure('/429', 'http-429', false);
    expect(seconds.retryAfterMs).toBe(7000);
    expect(seconds.message).toContain('429 Too Many Requests');
    const date = await expectFailure('/429-date', 'http-429', false);
    expect(date.retryAfterMs).toBeGreaterThan(50_000);
    expect(date.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it("refuses the fetch standard's bad ports for good", async () => {
    const failure = await failureOf(fetcher.fetchPage('http://127.0.0.1:25/'));
    expect({ code: failure.code, permanent: failure.permanent }).toEqual({ code: 'blocked-address', permanent: true });
  });

  it('reports refused connections and unknown hosts as transient', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const closed = await failureOf(fetcher.fetchPage(`http://127.0.0.1:${closedPort}/`));
    expect({ code: closed.code, permanent: closed.permanent }).toEqual({ code: 'connection-error', permanent: false });
    const unknown = await failureOf(
      createPageFetcherWithSeams(OPTIONS, {
        resolve: () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })),
      }).fetchPage('http://no-such-host.test/'),
    );
    expect({ code: unknown.code, permanent: unknown.permanent }).toEqual({ code: 'dns-failure', permanent: false });
  });
});

describe('redirects into private networks', () => {
  // The hostile server sits on 127.0.0.2, which this policy alone treats as public, so the first
  // hop succeeds and only the redirect target meets the real address check.
  let trusted: HostileServer;
  let guarded: PageFetcher;
  beforeAll(async () => {
    trusted = await startHostileServer('127.0.0.2', server.redirectTargets);
    guarded = createPageFetcherWithSeams(
      { ...OPTIONS, allowPrivateNetworks: false },
      {
        judge: (address) => (address === '127.0.0.2' ? { allowed: true } : judgeAddress(address)),
        resolve: async () => [{ address: '192.168.7.7', family: 4 }],
      },
    );
  });
  afterAll(async () => {
    await guarded.close();
    await trusted.close();
  });

  it.each([
    ['/to-loopback', '127.0.0.1 is a loopback address'],
    ['/to-metadata', '169.254.169.254 is a link-local address'],
    ['/to-private-name', 'intranet.test resolves to a non-public address: 192.168.7.7 is a private address'],
  ])('refuses %s', async (path, reason) => {
    const failure = await failureOf(guarded.fetchPage(trusted.origin + path));
    expect(failure.code).toBe('blocked-address');
    expect(failure.permanent).toBe(true);
    expect(failure.message).toBe(`refused: ${reason} (set FETCH_ALLOW_PRIVATE_NETWORKS=true to allow)`);
    expect(counter.count()).toBe(0);
  });

  it('resolves once and connects to the address its lookup checked', async () => {
    let resolutions = 0;
    const viaName = createPageFetcherWithSeams(
      { ...OPTIONS, allowPrivateNetworks: false },
      {
        // A rebinding DNS: the first answer passes the check, later ones point at loopback.
        resolve: async () => [{ address: resolutions++ === 0 ? '127.0.0.2' : '127.0.0.1', family: 4 }],
        judge: (address) => (address === '127.0.0.2' ? { allowed: true } : judgeAddress(address)),
      },
    );
    const page = await viaName.fetchPage(`http://news.test:${trusted.port}/page`);
    expect(page.html).toContain('ua=');
    expect(resolutions).toBe(1);
    expect(counter.count()).toBe(0);
    await viaName.close();
  });
});

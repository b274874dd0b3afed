import { Agent, fetch, type Response } from 'undici';
import { ALLOW_EVERY_ADDRESS, isLoopbackName, judgeAddress, literalIpOf, type AddressVerdict } from './address.policy';
import type { ReadableStream } from 'node:stream/web';
import { cappedStream, readCapped, readUpTo } from './body.reader';
import { htmlAsUtf8, readUtf8Html } from './charset.decoder';
import { isHtmlMimeType, parseContentType, sniffsAsHtml } from './content.type';
import { FetchFailure } from './fetch.failure';
import { createGuardedLookup, systemResolver, type HostResolver } from './guarded.lookup';
import { failureForStatus, isRedirectStatus } from './http.status';
import { failureForNetworkError, PRIVATE_NETWORK_HINT } from './network.error';

export interface PageFetcherOptions {
  userAgent: string;
  /** Overall deadline for the whole fetch, including every redirect hop and the body. */
  timeoutMs: number;
  /** Cap on the body after decompression. */
  maxBytes: number;
  /** Redirects followed before giving up (5 when omitted). */
  maxRedirects?: number;
  /** Cap on the response head; 16 KiB (Node's default) when omitted. */
  maxHeaderBytes?: number;
  /** Lifts the public-address check; for local development and tests only. */
  allowPrivateNetworks: boolean;
}

export interface FetchedPage {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  /** Every URL that answered with a redirect, in order (the requested URL first, if it did). */
  redirects: string[];
  /** MIME type without parameters ("text/html"); empty for a 304. */
  contentType: string;
  /** Canonical lower-case name of the charset the body was decoded with; empty for a 304. */
  charset: string;
  /** The page's text as UTF-8 (the body itself when it was UTF-8, a BOM dropped); empty for a 304. */
  utf8: Uint8Array;
  /** The page's text, decoded from `utf8` when first read (the fetch stage stores the bytes and never reads it). */
  readonly html: string;
  etag: string | null;
  lastModified: string | null;
  notModified: boolean;
}

export interface ConditionalRequest {
  etag?: string | null;
  lastModified?: string | null;
}

/** A small text resource (robots.txt): any final status is returned, not thrown. */
export interface FetchedText {
  finalUrl: string;
  status: number;
  /** The body decoded as UTF-8 for a 2xx, else empty. */
  text: string;
}

/** What fetchResource asks for: any content type, read as a stream. */
export interface ResourceRequest {
  /** The Accept header. */
  accept: string;
  /** Cap on the body after Content-Encoding is undone. */
  maxBytes: number;
  conditional?: ConditionalRequest;
  /** Overrides the fetcher's deadline for this request (a large sitemap takes longer than a page). */
  timeoutMs?: number;
  hooks?: FetchHooks;
}

/** A feed, sitemap or page, its body still to be read (or cancelled) by the caller. */
export interface FetchedResource {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  redirects: string[];
  /** MIME type without parameters; empty when the server sent none, and for a 304. */
  contentType: string;
  /** The Content-Type's charset parameter, as given; null when none. */
  charset: string | null;
  etag: string | null;
  lastModified: string | null;
  notModified: boolean;
  /**
   * The body with Content-Encoding undone, erroring with a FetchFailure past `maxBytes` or the
   * deadline; empty for a 304. Not read at all, it must be cancelled to free the connection.
   */
  body: ReadableStream<Uint8Array>;
}

export interface FetchHooks {
  /** Called with each redirect target before it is requested; throw a FetchFailure to stop there. */
  beforeRedirect?(url: string): Promise<void>;
}

export interface PageFetcher {
  fetchPage(url: string, conditional?: ConditionalRequest, hooks?: FetchHooks): Promise<FetchedPage>;
  /** Same guards as fetchPage (addresses, redirects, deadline), for a non-HTML text such as robots.txt. */
  fetchText(url: string, maxBytes: number): Promise<FetchedText>;
  /**
   * Same guards again, for a resource of any type read as a stream (feeds, sitemaps): a status
   * that is not 2xx or 304 throws its FetchFailure as fetchPage does; the content type is the
   * caller's to judge.
   */
  fetchResource(url: string, request: ResourceRequest): Promise<FetchedResource>;
  close(): Promise<void>;
}

/** Seams for tests only: a fake DNS and an address policy that can trust one test address. */
export interface PageFetcherSeams {
  resolve?: HostResolver;
  judge?: (address: string) => AddressVerdict;
}

const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1';

export function createPageFetcher(options: PageFetcherOptions): PageFetcher {
  return createPageFetcherWithSeams(options, {});
}

export function createPageFetcherWithSeams(options: PageFetcherOptions, seams: PageFetcherSeams): PageFetcher {
  const judge = options.allowPrivateNetworks ? ALLOW_EVERY_ADDRESS : (seams.judge ?? judgeAddress);
  const maxRedirects =
    options.maxRedirects !== undefined && Number.isInteger(options.maxRedirects) && options.maxRedirects >= 0 ? options.maxRedirects : 5;
  const agent = new Agent({
    // Host names are resolved and checked in this lookup; literal IPs never reach it (net skips
    // lookup for them), which is why parseTarget checks those itself.
    connect: { lookup: createGuardedLookup(seams.resolve ?? systemResolver, judge), timeout: options.timeoutMs },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    maxHeaderSize: options.maxHeaderBytes ?? 16 * 1024,
  });

  function parseTarget(raw: string, base?: URL): URL {
    let url: URL;
    try {
      url = new URL(raw, base);
    } catch {
      throw new FetchFailure(
        'invalid-url',
        base ? `${base.href} redirected to "${raw}", which is not a valid URL` : `"${raw}" is not a valid URL`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new FetchFailure('unsupported-scheme', `${url.href} uses ${url.protocol} but only http: and https: pages are fetched`);
    }
    if (url.username !== '' || url.password !== '') {
      throw new FetchFailure(
        'invalid-url',
        `${url.protocol}//${url.host}${url.pathname} contains a user name or password, which is refused`,
      );
    }
    const literal = literalIpOf(url.hostname);
    if (literal !== null) {
      const verdict = judge(literal);
      if (!verdict.allowed) throw new FetchFailure('blocked-address', `refused: ${verdict.reason} ${PRIVATE_NETWORK_HINT}`);
    } else if (!options.allowPrivateNetworks && isLoopbackName(url.hostname)) {
      throw new FetchFailure('blocked-address', `refused: ${url.hostname} is a loopback name ${PRIVATE_NETWORK_HINT}`);
    }
    url.hash = '';
    return url;
  }

  /** Follows redirects by hand (every hop is checked by parseTarget) up to the final response. */
  async function follow(
    requestedUrl: string,
    headers: Record<string, string>,
    signal: AbortSignal,
    at: { current: URL },
    hooks: FetchHooks = {},
  ): Promise<{ response: Response; redirects: string[] }> {
    const redirects: string[] = [];
    const visited = new Set<string>([at.current.href]);
    for (;;) {
      const response = await fetch(at.current.href, { dispatcher: agent, redirect: 'manual', signal, headers });
      const location = response.headers.get('location');
      if (!isRedirectStatus(response.status) || location === null) return { response, redirects };
      await discard(response);
      const next = parseTarget(location, at.current);
      if (visited.has(next.href)) {
        throw new FetchFailure(
          'redirect-loop',
          `${requestedUrl} redirects in a loop: ${[...redirects, at.current.href, next.href].join(' → ')}`,
        );
      }
      if (redirects.length >= maxRedirects) {
        throw new FetchFailure(
          'too-many-redirects',
          `${requestedUrl} redirected more than ${maxRedirects} times (last: ${at.current.href} → ${next.href})`,
        );
      }
      await hooks.beforeRedirect?.(next.href);
      redirects.push(at.current.href);
      visited.add(next.href);
      at.current = next;
    }
  }

  async function fetchPage(requestedUrl: string, conditional: ConditionalRequest = {}, hooks: FetchHooks = {}): Promise<FetchedPage> {
    const at = { current: parseTarget(requestedUrl) };
    const signal = AbortSignal.timeout(options.timeoutMs);
    const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: ACCEPT };
    // Sent on every hop: the usual redirect (http→https, host canonicalisation) leads to the
    // same resource the validators were stored for.
    if (conditional.etag) headers['if-none-match'] = conditional.etag;
    if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
    let response: Response | undefined;
    try {
      const followed = await follow(requestedUrl, headers, signal, at, hooks);
      response = followed.response;
      return await readPage(response, requestedUrl, at.current.href, followed.redirects);
    } catch (error) {
      if (response !== undefined) await discard(response);
      throw failureForNetworkError(at.current.href, error, signal.aborted, options.timeoutMs);
    }
  }

  async function fetchText(requestedUrl: string, maxBytes: number): Promise<FetchedText> {
    const at = { current: parseTarget(requestedUrl) };
    const signal = AbortSignal.timeout(options.timeoutMs);
    let response: Response | undefined;
    try {
      response = (await follow(requestedUrl, { 'user-agent': options.userAgent, accept: 'text/plain,*/*;q=0.5' }, signal, at)).response;
      if (response.status < 200 || response.status >= 300) {
        await discard(response);
        return { finalUrl: at.current.href, status: response.status, text: '' };
      }
      // Past the cap the rest is ignored rather than refused (RFC 9309 asks crawlers to read at
      // least 500 KiB of a robots.txt and allows stopping there).
      const bytes = await readUpTo(response.body, maxBytes);
      return { finalUrl: at.current.href, status: response.status, text: new TextDecoder('utf-8').decode(bytes) };
    } catch (error) {
      if (response !== undefined) await discard(response);
      throw failureForNetworkError(at.current.href, error, signal.aborted, options.timeoutMs);
    }
  }

  async function fetchResource(requestedUrl: string, request: ResourceRequest): Promise<FetchedResource> {
    const at = { current: parseTarget(requestedUrl) };
    const timeoutMs = request.timeoutMs ?? options.timeoutMs;
    // The deadline covers the body too: the stream handed back errors when it fires.
    const signal = AbortSignal.timeout(timeoutMs);
    const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: request.accept };
    if (request.conditional?.etag) headers['if-none-match'] = request.conditional.etag;
    if (request.conditional?.lastModified) headers['if-modified-since'] = request.conditional.lastModified;
    let response: Response | undefined;
    try {
      const followed = await follow(requestedUrl, headers, signal, at, request.hooks);
      response = followed.response;
      const finalUrl = at.current.href;
      const statusFailure = failureForStatus(finalUrl, response.status, response.statusText, response.headers.get('retry-after'));
      if (statusFailure !== null) throw statusFailure;
      const declared = parseContentType(response.headers.get('content-type'));
      const meta = {
        requestedUrl,
        finalUrl,
        status: response.status,
        redirects: followed.redirects,
        contentType: declared?.mimeType ?? '',
        charset: declared?.charset ?? null,
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
      };
      if (response.status === 304) {
        await discard(response);
        return { ...meta, contentType: '', charset: null, notModified: true, body: cappedStream(null, 0, finalUrl, (e) => e as Error) };
      }
      const length = Number(response.headers.get('content-length'));
      if (!response.headers.has('content-encoding') && length > request.maxBytes) {
        throw new FetchFailure('too-large', `${finalUrl} is ${length} bytes, over the ${request.maxBytes}-byte limit`);
      }
      const explain = (error: unknown) => failureForNetworkError(finalUrl, error, signal.aborted, timeoutMs);
      return { ...meta, notModified: false, body: cappedStream(response.body, request.maxBytes, finalUrl, explain) };
    } catch (error) {
      if (response !== undefined) await discard(response);
      throw failureForNetworkError(at.current.href, error, signal.aborted, timeoutMs);
    }
  }

  async function readPage(response: Response, requestedUrl: string, finalUrl: string, redirects: string[]): Promise<FetchedPage> {
    const page = {
      requestedUrl,
      finalUrl,
      status: response.status,
      redirects,
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    };
    const statusFailure = failureForStatus(finalUrl, response.status, response.statusText, response.headers.get('retry-after'));
    if (statusFailure !== null) throw statusFailure;
    if (response.status === 304) {
      await discard(response);
      return { ...page, contentType: '', charset: '', utf8: new Uint8Array(), html: '', notModified: true };
    }
    const declared = parseContentType(response.headers.get('content-type'));
    if (declared !== null && !isHtmlMimeType(declared.mimeType)) {
      throw new FetchFailure('not-html', `${finalUrl} is ${declared.mimeType}, not an HTML page`, { status: response.status });
    }
    const length = Number(response.headers.get('content-length'));
    if (!response.headers.has('content-encoding') && length > options.maxBytes) {
      throw new FetchFailure('too-large', `${finalUrl} is ${length} bytes, over the ${options.maxBytes}-byte limit`);
    }
    const bytes = await readCapped(response.body, options.maxBytes, finalUrl);
    if (declared === null && !sniffsAsHtml(bytes)) {
      throw new FetchFailure('not-html', `${finalUrl} has no Content-Type and does not look like HTML`, { status: response.status });
    }
    const { charset, utf8 } = htmlAsUtf8(bytes, declared?.charset ?? null);
    let html: string | undefined;
    return {
      ...page,
      contentType: declared?.mimeType ?? 'text/html',
      charset,
      utf8,
      get html() {
        html ??= readUtf8Html(utf8);
        return html;
      },
      notModified: false,
    };
  }

  return {
    fetchPage,
    fetchText,
    fetchResource,
    close: () => agent.close(),
  };
}

/** Frees the connection of a response whose body we will not read. */
async function discard(response: Response): Promise<void> {
  if (response.body !== null && !response.bodyUsed) await response.body.cancel().catch(() => undefined);
}

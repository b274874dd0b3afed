import type { ReadableStream } from 'node:stream/web';
import { parseFeedDocument } from '../formats/feed.parser';
import type { DocumentItem } from '../formats/found';
import { createSiteLinkReader } from '../formats/site.links';
import { createXmlReader } from '../formats/xml.reader';
import { bodyBytes } from './body.bytes';
import { DocumentProblem } from './document.problem';
import { sniffDocument, usableCharset, xmlCharset } from './document.sniff';

export type DocumentFormat = 'rss' | 'rdf' | 'atom' | 'json' | 'urlset' | 'sitemapindex' | 'html';

export function isFeedFormat(format: DocumentFormat): boolean {
  return format === 'rss' || format === 'rdf' || format === 'atom' || format === 'json';
}

export function isSitemapFormat(format: DocumentFormat): boolean {
  return format === 'urlset' || format === 'sitemapindex';
}

export interface DocumentLimits {
  /** Cap on the body once inflated (sitemaps stream, so this may be large). */
  maxBytes: number;
  /** Cap on a feed, which is parsed whole. */
  maxFeedBytes: number;
}

export interface DocumentSource {
  url: string;
  contentType: string;
  charset: string | null;
  body: ReadableStream<Uint8Array>;
}

/** What reading a document yields: its format first, then its items as they stream. */
export type DocumentEvent = { type: 'format'; format: DocumentFormat } | DocumentItem;

const ROOT_FORMATS: Record<string, DocumentFormat> = {
  urlset: 'urlset',
  sitemapindex: 'sitemapindex',
  rss: 'rss',
  rdf: 'rdf',
  feed: 'atom',
  html: 'html',
};

/**
 * Reads a feed, sitemap or home page as it streams: what it is (from its bytes, not its
 * Content-Type, which servers often get wrong), then what it lists. Throws DocumentProblem for
 * anything that cannot be read; the caller keeps the items yielded before.
 */
export async function* readDocument(doc: DocumentSource, limits: DocumentLimits): AsyncGenerator<DocumentEvent> {
  const bytes = bodyBytes(doc.body, limits.maxBytes);
  try {
    const head = { value: await firstBytes(bytes, SNIFF_BYTES) };
    if (head.value.byteLength === 0) throw new DocumentProblem('not-a-feed', 'is empty');
    const kind = sniffDocument(head.value, doc.contentType);
    if (kind === 'json') {
      const text = await wholeText(head.value, bytes, 'utf-8', limits.maxFeedBytes);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        throw new DocumentProblem('malformed', `is not valid JSON (${(err as Error).message})`);
      }
      const feed = parseFeedDocument(value as object, doc.url);
      yield { type: 'format', format: 'json' };
      yield* feed.items;
      return;
    }
    const decoder = new TextDecoder(kind === 'html' ? (usableCharset(doc.charset) ?? 'utf-8') : xmlCharset(head.value, doc.charset));
    if (kind === 'html') {
      yield { type: 'format', format: 'html' };
      const links = createSiteLinkReader(doc.url);
      for (
        let chunk: Uint8Array | undefined = head.value;
        chunk !== undefined && !links.done();
        chunk = (await bytes.next()).value ?? undefined
      ) {
        yield* links.write(decoder.decode(chunk, { stream: true }));
      }
      yield* links.end();
      return;
    }
    yield* readXml(head.value, bytes, decoder, doc.url, limits);
  } finally {
    await bytes.return(undefined);
  }
}

async function* readXml(
  first: Uint8Array,
  rest: AsyncGenerator<Uint8Array>,
  decoder: TextDecoder,
  url: string,
  limits: DocumentLimits,
): AsyncGenerator<DocumentEvent> {
  const xml = createXmlReader();
  let format: DocumentFormat | null = null;
  // A feed is parsed whole once read: its text is kept (up to the cap) while sax checks it.
  const feedText: string[] = [];
  let feedBytes = 0;
  for (let chunk: Uint8Array | undefined = first; chunk !== undefined; chunk = (await rest.next()).value ?? undefined) {
    const text = decoder.decode(chunk, { stream: true });
    const items = xml.write(text);
    if (format === null && xml.root() !== null) {
      format = formatOfRoot(xml.root());
      yield { type: 'format', format };
      // A sitemap streams: nothing of its text is kept.
      if (!isFeedFormat(format)) feedText.length = 0;
    }
    if (format === null || isFeedFormat(format)) {
      feedBytes += chunk.byteLength;
      if (feedBytes > limits.maxFeedBytes) {
        throw new DocumentProblem('too-large', `is a feed larger than ${limits.maxFeedBytes} bytes, the limit for feeds`);
      }
      feedText.push(text);
    }
    yield* items;
  }
  const tail = decoder.decode();
  yield* xml.write(tail);
  yield* xml.end();
  if (format === null) format = formatOfRoot(xml.root());
  if (isFeedFormat(format)) yield* parseFeedDocument(feedText.join('') + tail, url).items;
}

// Enough for an XML declaration and a root element behind comments, or an HTML page's start.
const SNIFF_BYTES = 1024;

/** At least `n` bytes from the start (fewer only when the body is shorter), however the network cut it. */
async function firstBytes(bytes: AsyncGenerator<Uint8Array>, n: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < n) {
    const next = await bytes.next();
    if (next.done) break;
    chunks.push(next.value);
    total += next.value.byteLength;
  }
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks, total);
}

function formatOfRoot(root: string | null): DocumentFormat {
  const format = root === null ? undefined : ROOT_FORMATS[root];
  if (format === undefined) {
    throw new DocumentProblem(
      'not-a-feed',
      `is XML whose root element is <${root ?? '?'}>: neither a feed (rss, RDF, Atom feed) nor a sitemap (urlset, sitemapindex)`,
    );
  }
  // An XHTML page read as XML: the caller wants links from it, which the HTML path gives.
  if (format === 'html') throw new DocumentProblem('html', 'is an (X)HTML page, not a feed or sitemap');
  return format;
}

async function wholeText(first: Uint8Array, rest: AsyncGenerator<Uint8Array>, charset: string, maxBytes: number): Promise<string> {
  const chunks: Uint8Array[] = [first];
  let total = first.byteLength;
  for await (const chunk of rest) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new DocumentProblem('too-large', `is a feed larger than ${maxBytes} bytes, the limit for feeds`);
    chunks.push(chunk);
  }
  return new TextDecoder(charset).decode(Buffer.concat(chunks, total));
}

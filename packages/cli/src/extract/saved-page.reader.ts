import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { decodeHtml } from '@newsflow/fetcher/charset';

/** `-` is standard input, as for `enrich` and `enqueue`. */
async function readBytes(file: string): Promise<Buffer> {
  if (file !== '-') return readFile(file);
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The gzip magic number, so a compressed page on standard input is recognised without a name. */
const isGzip = (b: Buffer) => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;

/**
 * A saved page's HTML, decoded exactly as the fetcher decodes a response (BOM, <meta>,
 * detection): a page saved from the web reads the same here as it did in the pipeline.
 * A saved file has no Content-Type header, unless the caller knows its charset.
 */
export async function readSavedPage(file: string, charset: string | null = null): Promise<string> {
  const raw = await readBytes(file);
  return decodeHtml(isGzip(raw) ? gunzipSync(raw) : raw, charset).html;
}

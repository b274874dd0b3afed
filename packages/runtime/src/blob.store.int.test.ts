import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { TEST_REDIS_URL, uniqueName, wipeRedisPrefix } from '../../../test/support/services';
import { storedPage } from '../../../test/support/stored-article';
import { createBlobStore, type BlobStore } from './blob.store';
import { PermanentError } from './errors';
import { createRedisConnection } from './redis.connection';

const page = storedPage({ html: '<html><body><p>Grüße</p></body></html>' });

describe('blob store on the real Redis: typed by kind, versioned, checked on read', () => {
  const prefix = uniqueName('blobs');
  let redis: Redis;
  let blobs: BlobStore;
  const rawKey = (kind: string, id: string) => `${prefix}:blob:${kind}:${id}`;
  const failureOf = async (read: Promise<unknown>) =>
    read.then(
      () => null,
      (err: unknown) => err,
    );

  beforeAll(() => {
    redis = createRedisConnection(TEST_REDIS_URL, 'client');
    blobs = createBlobStore(redis, prefix, 60);
  });
  afterAll(async () => {
    await redis.quit();
    await wipeRedisPrefix(prefix);
  });

  it('gives back what was put, and null once nothing is stored', async () => {
    await blobs.put('page', 'p1', page);
    expect(await blobs.get('page', 'p1')).toEqual(page);
    expect(await blobs.get('page', 'absent')).toBeNull();
    expect(await redis.ttl(rawKey('page', 'p1'))).toBeGreaterThan(0);
  });

  it('a blob of another version is a permanent failure that says what to do, not a crash', async () => {
    await redis.set(rawKey('page', 'old'), gzipSync(JSON.stringify({ v: 99, kind: 'page', value: page })));
    const err = await failureOf(blobs.get('page', 'old'));
    expect(err).toBeInstanceOf(PermanentError);
    expect(err).toMatchObject({ code: 'blob-version' });
    expect((err as Error).message).toMatch(/version 99.*reads version 2.*enqueue the URL again/);
  });

  it('a page of version 1 (its HTML inside the JSON) is refused with its version, as a rolling update meets it', async () => {
    await redis.set(rawKey('page', 'v1'), gzipSync(JSON.stringify({ v: 1, kind: 'page', value: page })));
    const err = await failureOf(blobs.get('page', 'v1'));
    expect(err).toMatchObject({ code: 'blob-version' });
    expect((err as Error).message).toMatch(/version 1, this worker reads version 2/);
  });

  it('keeps page HTML byte for byte, newlines, quotes and all, stored after the header as it is', async () => {
    const html = '<html>\n<body>\n<p>"Grüße" — {"not": "json"}\\n</p>\r\n<script>var a = "\\u2028";</script>\n\n</body></html>\n';
    await blobs.put('page', 'p2', { ...page, html });
    expect(await blobs.get('page', 'p2')).toEqual({ ...page, html });
    const raw = (await redis.getBuffer(rawKey('page', 'p2')))!;
    expect(raw[0]).toBe(0x62); // 'b': brotli follows
    const stored = brotliDecompressSync(raw.subarray(1)).toString('utf8');
    expect(stored.endsWith(`\n${html}`)).toBe(true);
  });

  it('takes a page as the UTF-8 bytes fetch received and stores them as they are; they read back as text', async () => {
    const body = Buffer.concat([Buffer.from('<p>“Grüße”\n'), Buffer.from([0xc3, 0x28]), Buffer.from('</p>')]);
    await blobs.put('page', 'p3', { ...page, html: body });
    const raw = (await redis.getBuffer(rawKey('page', 'p3')))!;
    const stored = brotliDecompressSync(raw.subarray(1));
    expect(stored.subarray(stored.length - body.length).equals(body)).toBe(true);
    // An invalid sequence reads as the replacement character, as a browser (and decodeHtml) reads it.
    expect(await blobs.get('page', 'p3')).toEqual({ ...page, html: '<p>“Grüße”\n\uFFFD(</p>' });
  });

  it('hands a page over with its HTML as bytes of their own (for the extraction thread), the rest checked as get checks it', async () => {
    const html = '<p>“Grüße”</p>\n';
    await blobs.put('page', 'p4', { ...page, html });
    const got = (await blobs.getWithRawBytes('page', 'p4'))!;
    expect({ ...got, html: new TextDecoder().decode(got.html) }).toEqual({ ...page, html });
    expect(got.html.byteOffset).toBe(0);
    expect(got.html.buffer.byteLength).toBe(got.html.byteLength);
    await redis.set(
      rawKey('page', 'p5'),
      Buffer.concat([Buffer.of(0x62), brotliCompressSync(`${JSON.stringify({ v: 1, kind: 'page', value: page })}\n`)]),
    );
    expect(await failureOf(blobs.getWithRawBytes('page', 'p5'))).toMatchObject({ code: 'blob-version' });
    expect(await blobs.getWithRawBytes('page', 'absent')).toBeNull();
  });

  it('still reads a gzipped blob, as written before blobs were brotli-compressed', async () => {
    const { html, ...header } = page;
    await redis.set(rawKey('page', 'gz'), gzipSync(`${JSON.stringify({ v: 2, kind: 'page', value: header })}\n${html}`));
    expect(await blobs.get('page', 'gz')).toEqual(page);
  });

  it('a blob from before versions (no envelope) is refused the same way', async () => {
    await redis.set(rawKey('article', 'legacy'), gzipSync(JSON.stringify({ title: 'x', text: 'y' })));
    const err = await failureOf(blobs.get('article', 'legacy'));
    expect(err).toMatchObject({ code: 'blob-version' });
    expect((err as Error).message).toMatch(/no version mark/);
  });

  it('a blob that does not fit its contract names the field; unreadable bytes are refused too', async () => {
    const { html, ...header } = page;
    await redis.set(
      rawKey('page', 'bad'),
      gzipSync(`${JSON.stringify({ v: 2, kind: 'page', value: { ...header, status: 'ok' } })}\n${html}`),
    );
    const bad = await failureOf(blobs.get('page', 'bad'));
    expect(bad).toMatchObject({ code: 'blob-invalid' });
    expect((bad as Error).message).toMatch(/status/);

    await redis.set(rawKey('page', 'garbled'), Buffer.from('not gzip at all'));
    expect(await failureOf(blobs.get('page', 'garbled'))).toMatchObject({ code: 'blob-invalid' });
  });

  it('a blob stored under another kind is not read as this one', async () => {
    await redis.set(rawKey('article', 'swapped'), gzipSync(JSON.stringify({ v: 1, kind: 'page', value: { ...page, title: 'x' } })));
    expect(await failureOf(blobs.get('article', 'swapped'))).toMatchObject({ code: 'blob-version' });
  });

  it('expireSoon shortens the TTL of every kind stored for the article', async () => {
    await blobs.put('page', 'e1', page);
    await blobs.put('enrichment', 'e1', { entities: [], quotes: [] });
    await blobs.expireSoon('e1', 5);
    expect(await redis.ttl(rawKey('page', 'e1'))).toBeLessThanOrEqual(5);
    expect(await redis.ttl(rawKey('enrichment', 'e1'))).toBeLessThanOrEqual(5);
  });

  it('expireSoon with kinds shortens only those', async () => {
    await blobs.put('page', 'e2', page);
    await blobs.put('enrichment', 'e2', { entities: [], quotes: [] });
    await blobs.expireSoon('e2', 5, ['page']);
    expect(await redis.ttl(rawKey('page', 'e2'))).toBeLessThanOrEqual(5);
    expect(await redis.ttl(rawKey('enrichment', 'e2'))).toBeGreaterThan(50);
  });
});

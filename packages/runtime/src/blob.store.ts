import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import type { Redis } from 'ioredis';
import {
  BLOB_KINDS,
  BlobContractError,
  packBlob,
  unpackBlob,
  unpackBlobWithRawBytes,
  type BlobInput,
  type BlobKind,
  type BlobValue,
  type BlobWithRawBytes,
  type RawTextKind,
} from '@newsflow/contracts';
import { PermanentError } from './errors';

/**
 * Blobs are compressed with brotli at its fastest quality, after a one-byte mark ('b'): on the
 * extraction dev set's pages (193 KB of HTML on average) it takes a third of gzip's fastest
 * level's CPU for slightly fewer bytes (21.2% against 21.8% of the HTML). Gzipped blobs (gzip's
 * own mark, 1f 8b), written before, are still read. A worker of an older release meets a brotli
 * blob as unreadable and fails the job permanently, saying to enqueue the URL again, as with a
 * blob of another version.
 *
 * Synchronously, in one output chunk: zlib's asynchronous calls hand each 16 KB chunk to the
 * thread pool and back, which on the dev pages doubled the CPU of a compression (0.73 against
 * 0.39 ms a page) and more than doubled a decompression's (0.99 against 0.39 ms). The event loop
 * is held that long, far less than anything a stage waits for.
 */
const BROTLI_MARK = 0x62;
const OUTPUT_CHUNK = 256 * 1024;

function compress(raw: Uint8Array): Buffer {
  const packed = brotliCompressSync(raw, {
    chunkSize: OUTPUT_CHUNK,
    params: { [constants.BROTLI_PARAM_QUALITY]: 0, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  });
  return Buffer.concat([Buffer.of(BROTLI_MARK), packed]);
}

function decompress(packed: Buffer): Buffer {
  if (packed[0] === BROTLI_MARK) return brotliDecompressSync(packed.subarray(1), { chunkSize: OUTPUT_CHUNK });
  if (packed[0] === 0x1f && packed[1] === 0x8b) return gunzipSync(packed, { chunkSize: OUTPUT_CHUNK });
  throw new Error('neither brotli nor gzip');
}

export type { BlobInput, BlobKind, BlobValue, BlobWithRawBytes, RawTextKind };

/** What is stored between stages, per article id, typed by kind (the contracts package says each kind's shape). */
export interface BlobStore {
  put<K extends BlobKind>(kind: K, id: string, value: BlobInput<K>): Promise<void>;
  /**
   * Null when nothing is stored (it expired). A blob of another contract version, or one that
   * does not match its contract, is a PermanentError: the same bytes will not read better later.
   */
  get<K extends BlobKind>(kind: K, id: string): Promise<BlobValue<K> | null>;
  /** As get, with a kind's raw text (a page's HTML) left as UTF-8 bytes, for a reader that hands it on. */
  getWithRawBytes<K extends RawTextKind>(kind: K, id: string): Promise<BlobWithRawBytes<K> | null>;
  /** Lets an article's blobs expire soon once it is indexed, instead of after the full TTL. */
  /** Shortens the TTL of the article's blobs (every kind, or only `kinds`). */
  expireSoon(id: string, seconds: number, kinds?: readonly BlobKind[]): Promise<void>;
}

/**
 * Page HTML and article data live in Redis, compressed, with a TTL: every worker on every host can
 * read them without a shared volume, and memory stays bounded by what is in flight.
 */
export function createBlobStore(redis: Redis, prefix: string, ttlSeconds: number): BlobStore {
  const key = (kind: BlobKind, id: string) => `${prefix}:blob:${kind}:${id}`;
  const read = async <T>(kind: BlobKind, id: string, unpack: (bytes: Uint8Array) => T): Promise<T | null> => {
    const packed = await redis.getBuffer(key(kind, id));
    if (!packed) return null;
    let bytes: Uint8Array;
    try {
      bytes = decompress(packed);
    } catch (err) {
      throw new PermanentError(`the stored ${kind} cannot be read (${(err as Error).message}); enqueue the URL again`, 'blob-invalid');
    }
    try {
      return unpack(bytes);
    } catch (err) {
      if (err instanceof BlobContractError) throw new PermanentError(err.message, err.code);
      throw err;
    }
  };
  return {
    async put(kind, id, value) {
      // Blobs live minutes, not years: the fastest setting (see `compress`).
      const packed = compress(packBlob(kind, value));
      await redis.set(key(kind, id), packed, 'EX', ttlSeconds);
    },
    get: (kind, id) => read(kind, id, (bytes) => unpackBlob(kind, bytes)),
    getWithRawBytes: (kind, id) => read(kind, id, (bytes) => unpackBlobWithRawBytes(kind, bytes)),
    async expireSoon(id, seconds, kinds = BLOB_KINDS) {
      // One kind (extract's page): a plain EXPIRE, not a MULTI of one (three commands in Redis).
      if (kinds.length === 1) {
        await redis.expire(key(kinds[0]!, id), seconds);
        return;
      }
      const multi = redis.multi();
      for (const kind of kinds) multi.expire(key(kind, id), seconds);
      await multi.exec();
    },
  };
}

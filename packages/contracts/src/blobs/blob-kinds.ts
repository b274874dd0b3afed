import type { z } from 'zod';
import { enrichmentSchema } from './enrichment.blob';
import { storedArticleSchema } from './stored-article.blob';
import { storedPageSchema } from './stored-page.blob';

/**
 * Everything one stage leaves in the blob store for the next, by kind, with the version of its
 * shape. Blobs are stored data read by workers of another release during a rolling update: a
 * change that an older reader cannot take needs a new version here, and a reader meeting a
 * version it does not know fails the job permanently with a message, never half-reads it.
 */
export const BLOB_CONTRACTS = {
  // Version 2: the HTML travels after the JSON header as it is (see packBlob), not as a JSON string.
  page: { version: 2, schema: storedPageSchema, rawText: 'html' },
  article: { version: 1, schema: storedArticleSchema, rawText: null },
  enrichment: { version: 1, schema: enrichmentSchema, rawText: null },
} as const;

export type BlobKind = keyof typeof BLOB_CONTRACTS;
export const BLOB_KINDS = Object.keys(BLOB_CONTRACTS) as BlobKind[];
export type BlobValue<K extends BlobKind> = z.infer<(typeof BLOB_CONTRACTS)[K]['schema']>;

/** How a blob travels: its kind's version beside the value, so a reader can tell before parsing. */
export interface BlobEnvelope<K extends BlobKind = BlobKind> {
  v: number;
  kind: K;
  value: BlobValue<K>;
}

export class BlobContractError extends Error {
  constructor(
    message: string,
    readonly code: 'blob-version' | 'blob-invalid',
  ) {
    super(message);
    this.name = 'BlobContractError';
  }
}

export function blobEnvelope<K extends BlobKind>(kind: K, value: BlobValue<K>): BlobEnvelope<K> {
  return { v: BLOB_CONTRACTS[kind].version, kind, value };
}

/** Checks a stored envelope against its kind's contract; throws BlobContractError saying what is wrong. */
export function openBlobEnvelope<K extends BlobKind>(kind: K, raw: unknown): BlobValue<K> {
  const contract = BLOB_CONTRACTS[kind];
  const envelope = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<BlobEnvelope>;
  if (envelope.v !== contract.version || envelope.kind !== kind) {
    const found = typeof envelope.v === 'number' ? `version ${envelope.v}` : 'no version mark';
    throw new BlobContractError(
      `the stored ${kind} has ${found}, this worker reads version ${contract.version} (written by another release of newsflow); enqueue the URL again`,
      'blob-version',
    );
  }
  const parsed = contract.schema.safeParse(envelope.value);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new BlobContractError(`the stored ${kind} does not match its contract (${where}); enqueue the URL again`, 'blob-invalid');
  }
  return parsed.data as BlobValue<K>;
}

type RawField<K extends BlobKind> = (typeof BLOB_CONTRACTS)[K]['rawText'];

/**
 * What a writer hands in: the value, except that a kind's `rawText` field may come as UTF-8
 * bytes (fetch stores a UTF-8 page as the bytes it received, never decoded: see packBlob).
 */
export type BlobInput<K extends BlobKind> =
  RawField<K> extends string ? Omit<BlobValue<K>, RawField<K>> & { [F in RawField<K>]: string | Uint8Array } : BlobValue<K>;

const encoder = new TextEncoder();
const rawReader = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * How a raw field's bytes read as text, wherever they are read (the blob store, an extraction
 * thread handed the bytes): a WHATWG UTF-8 decoder, invalid sequences as U+FFFD, and a BOM at
 * the start is text (the writer dropped the page's own BOM already), so that the text is what
 * the fetcher's decodeHtml would have read.
 */
export function readRawText(bytes: Uint8Array): string {
  return rawReader.decode(bytes);
}
const jsonReader = new TextDecoder('utf-8');
const NEWLINE = 0x0a;

/**
 * A blob as UTF-8 bytes: the envelope as JSON, and for a kind with a `rawText` field that field's
 * text after the first newline, as it is. A page's HTML is most of its blob; as a JSON string it
 * had to be escaped by fetch and parsed back by extract (about 4 ms a page of extract's CPU),
 * while JSON.stringify never writes a raw newline (nor does UTF-8 inside a character), so the
 * first newline byte ends the header unambiguously. Given as bytes, the raw text is copied in
 * without being decoded and encoded again.
 */
export function packBlob<K extends BlobKind>(kind: K, value: BlobInput<K>): Uint8Array {
  const field = BLOB_CONTRACTS[kind].rawText;
  if (field === null) return encoder.encode(JSON.stringify(blobEnvelope(kind, value as BlobValue<K>)));
  const { [field]: raw, ...rest } = value as Record<string, unknown>;
  const head = encoder.encode(`${JSON.stringify({ v: BLOB_CONTRACTS[kind].version, kind, value: rest })}\n`);
  const body = raw instanceof Uint8Array ? raw : encoder.encode(String(raw));
  const packed = new Uint8Array(head.length + body.length);
  packed.set(head);
  packed.set(body, head.length);
  return packed;
}

/** Kinds with a raw text field (the page). */
export type RawTextKind = { [K in BlobKind]: RawField<K> extends string ? K : never }[BlobKind];

/** A blob of a raw-text kind with that text left as its UTF-8 bytes (a copy of its own, free to transfer). */
export type BlobWithRawBytes<K extends RawTextKind> = Omit<BlobValue<K>, RawField<K>> & { [F in RawField<K>]: Uint8Array };

/**
 * unpackBlob for a reader that hands the raw text on rather than reading it (extract moves a
 * page's bytes to its extraction thread, which decodes them: a string would be copied there).
 * The rest of the value is checked as unpackBlob checks it.
 */
export function unpackBlobWithRawBytes<K extends RawTextKind>(kind: K, bytes: Uint8Array): BlobWithRawBytes<K> {
  const field = BLOB_CONTRACTS[kind].rawText;
  const cut = bytes.indexOf(NEWLINE);
  const value = unpackBlob(kind, cut < 0 ? bytes : bytes.subarray(0, cut + 1)) as Record<string, unknown>;
  value[field] = cut < 0 ? new Uint8Array() : new Uint8Array(bytes.subarray(cut + 1));
  return value as BlobWithRawBytes<K>;
}

/** The inverse of packBlob, checked as openBlobEnvelope checks; throws BlobContractError. */
export function unpackBlob<K extends BlobKind>(kind: K, bytes: Uint8Array): BlobValue<K> {
  const contract = BLOB_CONTRACTS[kind];
  const cut = contract.rawText === null ? -1 : bytes.indexOf(NEWLINE);
  let envelope: unknown;
  try {
    envelope = JSON.parse(jsonReader.decode(cut < 0 ? bytes : bytes.subarray(0, cut)));
  } catch (err) {
    throw new BlobContractError(`the stored ${kind} cannot be read (${(err as Error).message}); enqueue the URL again`, 'blob-invalid');
  }
  const e = envelope as Partial<BlobEnvelope> | null;
  // Only a header of this version has its raw text after it; anything else is refused below as it is.
  if (contract.rawText !== null && cut >= 0 && e?.v === contract.version && typeof e.value === 'object' && e.value !== null) {
    (e.value as Record<string, unknown>)[contract.rawText] = readRawText(bytes.subarray(cut + 1));
  }
  return openBlobEnvelope(kind, envelope);
}

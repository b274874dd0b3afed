import { ReadableStream, type ReadableStreamReadResult } from 'node:stream/web';
import { FetchFailure } from './fetch.failure';

/**
 * Reads an (already decompressed) body into memory, refusing once it passes `maxBytes`.
 * Counting the decoded stream is what stops a gzip bomb: a few KiB on the wire can inflate to
 * gigabytes, and we cancel as soon as the inflated size crosses the cap.
 */
export async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number, url: string): Promise<Uint8Array> {
  if (body === null) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new FetchFailure('too-large', `${url} is larger than the ${maxBytes}-byte limit`);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks, total);
}

/** Reads at most `maxBytes` of a body and drops the rest (for texts where a prefix is enough). */
export async function readUpTo(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array> {
  if (body === null) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  try {
    while (total < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      const part = value.byteLength > maxBytes - total ? value.subarray(0, maxBytes - total) : value;
      chunks.push(part);
      total += part.byteLength;
    }
    if (total >= maxBytes) await reader.cancel().catch(() => undefined);
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks, total);
}

/**
 * The body as a stream that errors with a 'too-large' FetchFailure once more than `maxBytes`
 * have passed (counted after decompression, as readCapped does), and with what `explain` makes
 * of any other error (the deadline's abort, a reset), for readers that parse as bytes arrive
 * instead of holding the whole body.
 */
export function cappedStream(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  url: string,
  explain: (error: unknown) => Error,
): ReadableStream<Uint8Array> {
  if (body === null) return new ReadableStream({ start: (c) => c.close() });
  const reader = body.getReader();
  let total = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        controller.error(explain(error));
        return;
      }
      if (next.done) {
        controller.close();
        return;
      }
      total += next.value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        controller.error(new FetchFailure('too-large', `${url} is larger than the ${maxBytes}-byte limit`));
        return;
      }
      controller.enqueue(next.value);
    },
    async cancel(reason) {
      await reader.cancel(reason).catch(() => undefined);
    },
  });
}

import {
  DecompressionStream,
  ReadableStream,
  type ReadableStreamDefaultReader,
  type ReadableStreamReadResult,
  type ReadableWritablePair,
} from 'node:stream/web';
import { isFetchFailure } from '@newsflow/fetcher';
import { DocumentProblem } from './document.problem';

/**
 * The body's bytes with gzip undone when it is gzip (a `.xml.gz` sitemap, whatever its Content-Type
 * says: the magic bytes decide), never more than `maxBytes` once inflated. Counting what comes
 * out of the inflater is what stops a gzip bomb: a few KiB on the wire may inflate to gigabytes,
 * and reading stops at the cap. Cancels the body when the reader stops early.
 */
export async function* bodyBytes(body: ReadableStream<Uint8Array>, maxBytes: number): AsyncGenerator<Uint8Array> {
  const raw = body.getReader();
  try {
    const first = await readOrExplain(raw);
    if (first === null) return;
    const gzipped = first.byteLength >= 2 && first[0] === 0x1f && first[1] === 0x8b;
    if (!gzipped) {
      yield first;
      for (let chunk = await readOrExplain(raw); chunk !== null; chunk = await readOrExplain(raw)) yield chunk;
      return;
    }
    // (DecompressionStream is typed for BufferSource in, Uint8Array out.)
    const inflater = new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
    const inflated = restOf(first, raw).pipeThrough(inflater);
    const reader = inflated.getReader();
    let total = 0;
    try {
      for (;;) {
        let next: ReadableStreamReadResult<Uint8Array>;
        try {
          next = await reader.read();
        } catch (err) {
          throw isFetchFailure(err) || err instanceof DocumentProblem
            ? explain(err)
            : new DocumentProblem('gzip', `is not valid gzip (${(err as Error).message})`);
        }
        if (next.done) return;
        total += next.value.byteLength;
        if (total > maxBytes) throw new DocumentProblem('gzip', `inflates to more than ${maxBytes} bytes, the limit (a gzip bomb?)`);
        yield next.value;
      }
    } finally {
      await reader.cancel().catch(() => undefined);
    }
  } finally {
    await raw.cancel().catch(() => undefined);
  }
}

/** The first chunk again, then the rest of the body, as one stream (for the inflater). */
function restOf(first: Uint8Array, raw: ReadableStreamDefaultReader<Uint8Array>): ReadableStream<Uint8Array> {
  let sentFirst = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sentFirst) {
        sentFirst = true;
        controller.enqueue(first);
        return;
      }
      try {
        const next = await readOrExplain(raw);
        if (next === null) controller.close();
        else controller.enqueue(next);
      } catch (err) {
        controller.error(err);
      }
    },
  });
}

async function readOrExplain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<Uint8Array | null> {
  try {
    const next = await reader.read();
    return next.done ? null : next.value;
  } catch (err) {
    throw explain(err);
  }
}

/** The fetcher's failures while the body streams (its byte cap, the deadline, a reset), as the source's problem. */
function explain(err: unknown): Error {
  if (err instanceof DocumentProblem) return err;
  if (isFetchFailure(err)) return new DocumentProblem(err.code === 'too-large' ? 'too-large' : 'fetch', err.message);
  return new DocumentProblem('fetch', `could not be read to its end (${(err as Error).message})`);
}

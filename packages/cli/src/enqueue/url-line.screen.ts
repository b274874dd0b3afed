import { assertUrlFitsJob, resolveUrlInput, UrlTooLongError } from '@newsflow/contracts';

export type Screened = { ok: true } | { ok: false; reason: string };

/**
 * Whether a line can become a job, decided for the whole batch before anything is written to
 * Redis, with the enqueuer's own check: the line resolved as the enqueuer resolves it, then
 * `assertUrlFitsJob` (a URL over 8,192 characters, perhaps only once normalised, fits no job).
 * Refusing such lines up front is what lets the batch go on, and leaves nothing in Redis for
 * them. A URL that is merely invalid (mailto:, not a URL) passes: it is enqueued to fail with
 * its reason, as before, so `status` can show it.
 */
export function screenUrlLine(text: string): Screened {
  try {
    assertUrlFitsJob(resolveUrlInput(text).url, text);
    return { ok: true };
  } catch (err) {
    if (err instanceof UrlTooLongError) return { ok: false, reason: err.message };
    throw err;
  }
}

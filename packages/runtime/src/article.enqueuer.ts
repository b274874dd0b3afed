import { assertUrlFitsJob, resolveUrlInput, type SourceRef } from '@newsflow/contracts';
import type { InFlightMarker } from './inflight.marker';
import { enqueueArticle, type QueueSet } from './queue.set';
import type { StatusStore } from './status.store';

export interface EnqueueResult {
  id: string;
  url: string;
  /** `in-flight`: the same URL is already in the pipeline; the work is done once. */
  outcome: 'queued' | 'in-flight';
  /** Set when the URL is invalid: the job is still queued, and fails with this reason. */
  invalid: string | null;
}

/**
 * The one way URLs enter the pipeline (API and CLI alike). Invalid URLs are not dropped: they
 * become a job that fails with its reason, so `status` and GET /articles/:id can show it.
 * A URL too long for any job (UrlTooLongError) is the exception: it throws before anything is
 * written, so no marker is left to answer "in-flight" for a job that never existed.
 * `source`: the followed source whose poll found the URL (none when it comes by hand); a URL
 * already in flight keeps what it was enqueued with.
 */
export async function enqueueUrl(
  queues: QueueSet,
  inflight: InFlightMarker,
  status: StatusStore,
  raw: string,
  source?: SourceRef,
): Promise<EnqueueResult> {
  const input = resolveUrlInput(raw);
  assertUrlFitsJob(input.url, raw);
  const at = new Date().toISOString();
  const outcome = await enqueueArticle(queues, inflight, { id: input.id, url: input.url, ...(source ? { source } : {}) }, at);
  if (outcome === 'added') {
    await status.update(input.id, { url: input.url, state: 'queued', stage: 'fetch', event: { stage: 'fetch', event: 'queued', at } });
  }
  return { id: input.id, url: input.url, outcome: outcome === 'added' ? 'queued' : 'in-flight', invalid: input.ok ? null : input.error };
}

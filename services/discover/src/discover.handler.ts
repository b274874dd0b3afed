import type { discoverJob, Source } from '@newsflow/contracts';
import type { JobHandler, JobOutcome, Logger, SourceStore } from '@newsflow/runtime';
import { pollSource, type PollerDeps } from './poll/source.poller';

export interface DiscoverHandlerDeps {
  sources: Pick<SourceStore, 'get' | 'recordPoll'>;
  /** Runs `fn` unless another poll of the source holds its lock. */
  exclusive<T>(sourceId: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  /** The poller's ports for one source (its seen-set and document notes are its own). */
  pollerFor(source: Source, logger: Logger): PollerDeps;
}

/**
 * A `discover` job: polls one source and records how it went as the source's last poll. What
 * the source serves never fails the job (it is the source's last error); only Redis can.
 */
export function createDiscoverHandler(deps: DiscoverHandlerDeps): JobHandler<typeof discoverJob.schema> {
  return async (payload, ctx): Promise<JobOutcome> => {
    const source = await deps.sources.get(payload.sourceId);
    // Removed since the job was queued: nothing to poll.
    if (!source) return { skipped: 'no such source' };
    const logger = ctx.logger.child({ sourceId: source.id });
    const polled = await deps.exclusive(source.id, () => pollSource(deps.pollerFor(source, logger), source));
    if (!polled.ran) return { skipped: 'another poll of this source is running' };
    const { result, learnt } = polled.value;
    await deps.sources.recordPoll(source.id, result, learnt);
    const level = result.status === 'failed' ? 'warn' : 'info';
    logger[level](
      {
        url: source.url,
        status: result.status,
        documents: result.documents,
        found: result.found,
        fresh: result.fresh,
        enqueued: result.enqueued,
        ms: result.ms,
        error: result.error,
      },
      'source polled',
    );
    return { status: result.status, documents: result.documents, found: result.found, fresh: result.fresh, enqueued: result.enqueued };
  };
}

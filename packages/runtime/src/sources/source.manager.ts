import {
  DEFAULT_EVERY,
  formatEvery,
  InvalidUrlError,
  parseEvery,
  resolveUrlInput,
  SOURCE_ID_PATTERN,
  UrlTooLongError,
  type Source,
} from '@newsflow/contracts';
import type { SourceSchedule } from './source.schedule';
import type { SourceStore } from './source.store';

/** A source as the API and `sources list` show it. */
export interface SourceView extends Source {
  /** The interval as `--every` takes it ("15m"). */
  every: string;
  nextPollAt: string | null;
}

/** A URL or interval a source cannot have: the API's 400, the CLI's usage error. */
export class SourceInputError extends Error {
  override readonly name = 'SourceInputError';
}

/** What the API and the CLI do with sources: the one place that keeps the store and the schedule in step. */
export interface SourceManager {
  add(url: string, every?: string): Promise<{ source: SourceView; created: boolean }>;
  list(): Promise<SourceView[]>;
  /** By id, or by URL (normalised as when it was added). */
  find(idOrUrl: string): Promise<SourceView | null>;
  remove(idOrUrl: string): Promise<SourceView | null>;
  pollNow(idOrUrl: string): Promise<SourceView | null>;
}

export function createSourceManager(deps: { store: SourceStore; schedule: SourceSchedule; minEveryMs: number }): SourceManager {
  const { store, schedule } = deps;
  const view = async (s: Source): Promise<SourceView> => ({
    ...s,
    every: formatEvery(s.everyMs),
    nextPollAt: await schedule.nextPollAt(s.id),
  });
  const idOf = (idOrUrl: string): string | null => {
    const text = idOrUrl.trim();
    if (SOURCE_ID_PATTERN.test(text)) return text;
    const input = resolveUrlInput(text);
    return input.ok ? input.id : null;
  };
  const find = async (idOrUrl: string): Promise<SourceView | null> => {
    const id = idOf(idOrUrl);
    const s = id === null ? null : await store.get(id);
    return s ? view(s) : null;
  };

  return {
    async add(url, every = DEFAULT_EVERY) {
      let everyMs: number;
      try {
        everyMs = parseEvery(every, deps.minEveryMs);
      } catch (err) {
        throw new SourceInputError(`every: ${(err as Error).message}`);
      }
      let put: Awaited<ReturnType<SourceStore['put']>>;
      try {
        put = await store.put(url, everyMs);
      } catch (err) {
        if (err instanceof InvalidUrlError || err instanceof UrlTooLongError) throw new SourceInputError(`url: ${err.message}`);
        throw err;
      }
      // Scheduled after the record exists: the first poll (at once) finds it. A source followed
      // already keeps its last poll's distance under its new interval.
      await schedule.follow(put.source.id, everyMs, put.source.lastPoll?.at ?? null);
      return { source: await view(put.source), created: put.created };
    },
    async list() {
      return Promise.all((await store.list()).map(view));
    },
    find,
    async remove(idOrUrl) {
      const s = await find(idOrUrl);
      if (!s) return null;
      // Unscheduled first: a poll starting in between finds no record and does nothing.
      await schedule.unfollow(s.id);
      await store.remove(s.id);
      return s;
    },
    async pollNow(idOrUrl) {
      const s = await find(idOrUrl);
      if (s) await schedule.pollNow(s.id);
      return s;
    },
  };
}

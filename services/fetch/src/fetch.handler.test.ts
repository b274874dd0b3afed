import { DelayedError, type Job } from 'bullmq';
import { describe, expect, it, vi } from 'vitest';
import type { ArticleStatus, TraceEvent } from '@newsflow/contracts';
import { PermanentError, silentLogger, type StageContext } from '@newsflow/runtime';
import { createFetchHandler, previousRunEndedDone, type FetchHandlerDeps } from './fetch.handler';
import type { FetchedPage, HostLimiter, RobotsPolicy } from '@newsflow/fetcher';
import type { ValidatorStore } from './politeness/validator.store';

const URL_ = 'https://news.example/a';
const payload = { v: 1 as const, id: 'a'.repeat(32), url: URL_, requestedAt: new Date().toISOString() };
const page = (over: Partial<FetchedPage> = {}): FetchedPage => ({
  requestedUrl: URL_,
  finalUrl: URL_,
  status: 200,
  redirects: [],
  contentType: 'text/html',
  charset: 'utf-8',
  utf8: new TextEncoder().encode('<p>hi</p>'),
  html: '<p>hi</p>',
  etag: '"e1"',
  lastModified: null,
  notModified: false,
  ...over,
});
const ev = (stage: string, event: TraceEvent['event'], detail?: string): TraceEvent => ({
  stage,
  event,
  at: '',
  ...(detail ? { detail } : {}),
});

function context() {
  const moveToDelayed = vi.fn(async () => undefined);
  const ctx: StageContext = { job: { id: 'job-1', moveToDelayed } as unknown as Job, token: 'tok', logger: silentLogger(), attempt: 1 };
  return { ctx, moveToDelayed };
}

function deps(over: Partial<FetchHandlerDeps> = {}) {
  const release = vi.fn(async () => undefined);
  const limiter: HostLimiter = {
    acquire: vi.fn(async () => ({ granted: true as const, release })),
    pushBack: vi.fn(async () => undefined),
  };
  const robots: Pick<RobotsPolicy, 'check' | 'peek'> = {
    peek: vi.fn(async () => ({ allowed: true as const, crawlDelayMs: null })),
    check: vi.fn(),
  };
  const fetchPage = vi.fn(async () => page());
  const put = vi.fn(async () => undefined);
  return {
    release,
    limiter,
    robots,
    fetchPage,
    put,
    d: { fetcher: { fetchPage }, blobs: { put }, robots, limiter, ...over } satisfies FetchHandlerDeps,
  };
}

describe('fetch handler', () => {
  it('fetches within a host slot and releases it', async () => {
    const { d, release, put } = deps();
    const { ctx } = context();
    await expect(createFetchHandler(d)(payload, ctx)).resolves.toMatchObject({ status: 200 });
    expect(put).toHaveBeenCalledOnce();
    expect(release).toHaveBeenCalledOnce();
  });

  it('sets the job aside, without failing it, when the host is busy', async () => {
    const { d, fetchPage } = deps();
    d.limiter.acquire = vi.fn(async () => ({ granted: false as const, waitMs: 700 }));
    const { ctx, moveToDelayed } = context();
    const before = Date.now();
    await expect(createFetchHandler(d)(payload, ctx)).rejects.toBeInstanceOf(DelayedError);
    const [at, token] = moveToDelayed.mock.calls[0] as unknown as [number, string];
    expect(at).toBeGreaterThanOrEqual(before + 700);
    expect(token).toBe('tok');
    expect(fetchPage).not.toHaveBeenCalled();
  });

  it('fails a URL robots.txt disallows, permanently, with its reason, and takes no slot', async () => {
    const { d, limiter } = deps();
    d.robots.peek = vi.fn(async () => ({
      allowed: false as const,
      reason: `${URL_} is disallowed by https://news.example/robots.txt for newsflow`,
    }));
    const err = await createFetchHandler(d)(payload, context().ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as PermanentError).code).toBe('robots-disallowed');
    expect((err as Error).message).toBe(`${URL_} is disallowed by https://news.example/robots.txt for newsflow`);
    expect(limiter.acquire).not.toHaveBeenCalled();
  });

  it('returns unchanged on a 304 to a conditional request, and stores no page', async () => {
    const validators: ValidatorStore = {
      get: vi.fn(async () => ({ etag: '"e1"', lastModified: null })),
      put: vi.fn(async () => undefined),
    };
    const trace = [ev('index', 'completed'), ev('fetch', 'queued'), ev('fetch', 'started')];
    const status = { get: vi.fn(async () => ({ trace }) as unknown as ArticleStatus) };
    const { d, put, fetchPage, release } = deps({ validators, status });
    fetchPage.mockResolvedValueOnce(page({ status: 304, notModified: true, utf8: new Uint8Array(), html: '' }));
    await expect(createFetchHandler(d)(payload, context().ctx)).resolves.toEqual({ status: 304, unchanged: true });
    expect(fetchPage).toHaveBeenCalledWith(URL_, { etag: '"e1"', lastModified: null }, expect.anything());
    expect(put).not.toHaveBeenCalled();
    expect(release).toHaveBeenCalledOnce();
  });
});

describe('previousRunEndedDone', () => {
  it('looks past this run to how the last one ended', () => {
    expect(previousRunEndedDone([])).toBe(false);
    expect(previousRunEndedDone([ev('fetch', 'queued'), ev('fetch', 'started')])).toBe(false);
    expect(previousRunEndedDone([ev('index', 'completed'), ev('fetch', 'queued'), ev('fetch', 'started'), ev('fetch', 'retrying')])).toBe(
      true,
    );
    expect(previousRunEndedDone([ev('fetch', 'completed', 'unchanged (304), 3 ms'), ev('fetch', 'queued')])).toBe(true);
    expect(previousRunEndedDone([ev('index', 'completed'), ev('extract', 'failed'), ev('fetch', 'queued')])).toBe(false);
    // A run that stopped half-way (its job lost) does not count as done either.
    expect(previousRunEndedDone([ev('fetch', 'completed', '20 ms'), ev('extract', 'started'), ev('fetch', 'queued')])).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/services';
import { htmlPage, sleep, startFetchRig, startSiteServer, type FetchRig, type SiteServer } from './fetch-test-kit';

// 200 URLs on one busy host and 200 spread over 20 hosts (127.0.0.2 … 127.0.0.21), all queued
// at once (the busy host's first), served slowly enough that a third concurrent request per host
// would happen without the limit. Two fetch "processes" share the limits through Redis.
const HOST_CONCURRENCY = 2;
const HOST_RATE = 20;
const PAGE_MS = 120;
const BUSY = '127.0.0.1';
const SPREAD = Array.from({ length: 20 }, (_, i) => `127.0.0.${i + 2}`);

describe('per-host politeness across fetch workers', () => {
  let site: SiteServer;
  let rig: FetchRig;

  beforeAll(async () => {
    site = await startSiteServer([BUSY, ...SPREAD], async (_req, res, path) => {
      if (path === '/robots.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
        return;
      }
      await sleep(PAGE_MS);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(htmlPage(path));
    });
    rig = await startFetchRig(
      { FETCH_HOST_CONCURRENCY: String(HOST_CONCURRENCY), FETCH_HOST_RATE: String(HOST_RATE), FETCH_CONCURRENCY: '16' },
      2,
    );
  });
  afterAll(async () => {
    await rig?.stop();
    await site?.close();
  });

  it('never exceeds the limit per host, and the 20-host set is not held up behind the busy host', async () => {
    const [busyOrigin, ...spreadOrigins] = site.origins;
    const busyUrls = Array.from({ length: 200 }, (_, i) => `${busyOrigin}/busy/${i}`);
    const spreadUrls = Array.from({ length: 200 }, (_, i) => `${spreadOrigins[i % spreadOrigins.length]}/spread/${i}`);

    const started = Date.now();
    // In order, 50 at a time: the busy host's jobs are ahead of the others in the queue.
    const enqueueAll = async (urls: string[]) => {
      const ids: string[] = [];
      for (let i = 0; i < urls.length; i += 50) ids.push(...(await Promise.all(urls.slice(i, i + 50).map((u) => rig.enqueue(u)))));
      return ids;
    };
    const busyIds = await enqueueAll(busyUrls);
    const spreadIds = await enqueueAll(spreadUrls);
    const enqueuedMs = Date.now() - started;

    const finished = async (ids: string[]) => {
      const states = await Promise.all(ids.map((id) => rig.infra.status.get(id)));
      return states.every((s) => s?.state === 'extracting');
    };
    let spreadMs = 0;
    await eventually(
      'the 20-host set',
      async () => {
        if (!(await finished(spreadIds))) return false;
        spreadMs = Date.now() - started;
        return true;
      },
      30_000,
      50,
    );
    let busyMs = 0;
    await eventually(
      'the one-host set',
      async () => {
        if (!(await finished(busyIds))) return false;
        busyMs = Date.now() - started;
        return true;
      },
      70_000,
      100,
    );

    const busyHost = new URL(busyOrigin ?? '').host;
    const maxBusy = site.maxInFlight.get(busyHost) ?? 0;
    const maxSpread = Math.max(...spreadOrigins.map((o) => site.maxInFlight.get(new URL(o).host) ?? 0));
    const busyPages = site.requests.filter((r) => r.host === busyHost && r.path.startsWith('/busy/'));
    const busyStarts = busyPages.map((r) => r.at).sort((a, b) => a - b);
    const busySpanS = ((busyStarts[busyStarts.length - 1] ?? 0) - (busyStarts[0] ?? 0)) / 1000;
    console.log(
      `politeness: limit ${HOST_CONCURRENCY} in flight and ${HOST_RATE}/s per host, pages take ${PAGE_MS} ms; enqueue ${enqueuedMs} ms; ` +
        `20-host set done in ${spreadMs} ms, one-host set in ${busyMs} ms; max in flight seen: busy host ${maxBusy}, any of the 20 hosts ${maxSpread}; ` +
        `busy host served ${busyPages.length} pages at ${(busyPages.length / Math.max(busySpanS, 0.001)).toFixed(1)}/s`,
    );

    const traces = await Promise.all(busyIds.map((id) => rig.infra.status.get(id)));
    const starts = traces.map((t) => t?.trace.filter((e) => e.event === 'started').length ?? 0);
    // Every pick-up of a job (the first, and each return from being set aside) is a trace 'started'.
    console.log(`politeness: pick-ups per busy-host job: avg ${(starts.reduce((a, b) => a + b, 0) / starts.length).toFixed(1)}, max ${Math.max(...starts)}`);
    expect(maxBusy).toBeLessThanOrEqual(HOST_CONCURRENCY);
    expect(maxSpread).toBeLessThanOrEqual(HOST_CONCURRENCY);
    // The limit was in play (without it the busy host would have seen more at once).
    expect(maxBusy).toBe(HOST_CONCURRENCY);
    // Each page exactly once: bounced jobs are postponed, never fetched twice or failed.
    expect(busyPages).toHaveLength(200);
    expect(site.requests.filter((r) => r.path.startsWith('/spread/'))).toHaveLength(200);
    // The busy host's 200 pages need at least 200 / rate seconds; the 20 hosts' share the same
    // workers yet finish in a fraction of that.
    expect(busyMs).toBeGreaterThanOrEqual((200 / HOST_RATE) * 1000 * 0.9);
    expect(spreadMs).toBeLessThan(busyMs / 3);
  }, 100_000);
});

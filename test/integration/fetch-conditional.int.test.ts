import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentError } from '@newsflow/runtime';
import { eventually } from '../support/services';
import { htmlPage, startFetchRig, startSiteServer, type FetchRig, type SiteServer } from '../support/fetch-test-kit';

// The real fetch stage and runner, with stand-ins for extract, enrich and index run through the
// same runner, so an article can reach 'done' without the search engine.
describe('conditional GET', () => {
  let site: SiteServer;
  let rig: FetchRig;
  let version = 1;
  const extracted: string[] = [];
  let failExtract = false;

  beforeAll(async () => {
    site = await startSiteServer(['127.0.0.1'], (req, res, path) => {
      if (path === '/robots.txt') {
        res.writeHead(404).end();
        return;
      }
      const etag = `"v${version}"`;
      const lastModified = new Date(Date.UTC(2026, 10, version)).toUTCString();
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag, 'last-modified': lastModified }).end();
        return;
      }
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag, 'last-modified': lastModified })
        .end(htmlPage(`${path} v${version}`));
    });
    rig = await startFetchRig();
    rig.stageWorker('extract', async (payload) => {
      extracted.push(payload.id);
      if (failExtract) throw new PermanentError('no article here', 'no-article');
    });
    rig.stageWorker('enrich', async () => undefined);
    rig.stageWorker('index', async () => undefined);
  });
  afterAll(async () => {
    await rig?.stop();
    await site?.close();
  });

  // Ended: the state says so and the in-flight marker is gone. The runner releases the marker
  // right after it records the end, in a second Redis call: an enqueue in between is taken for
  // the run still in flight and makes no job, and the test would wait for one in vain.
  const ended = (id: string, state: 'done' | 'failed') =>
    eventually(`the article to be ${state}`, async () => {
      const s = await rig.infra.status.get(id);
      return s?.state === state && (await rig.infra.inflight.ageMs(id)) === null ? s : null;
    });
  const pageRequests = (path: string) => site.requests.filter((r) => r.path === path);

  it('re-fetches an unchanged page with If-None-Match and If-Modified-Since; the 304 ends it done without extract', async () => {
    const url = `${site.origins[0]}/story`;
    const id = await rig.enqueue(url);
    await ended(id, 'done');
    expect(extracted.filter((e) => e === id)).toHaveLength(1);
    expect(pageRequests('/story')[0]?.headers['if-none-match']).toBeUndefined();

    await rig.enqueue(url);
    const status = await eventually('the unchanged re-fetch to end', async () => {
      const s = await rig.infra.status.get(id);
      const unchanged = s?.state === 'done' && s.trace.some((e) => e.detail?.startsWith('unchanged (304)'));
      return unchanged && (await rig.infra.inflight.ageMs(id)) === null ? s : null;
    });
    const second = pageRequests('/story')[1];
    expect(second?.headers['if-none-match']).toBe('"v1"');
    expect(second?.headers['if-modified-since']).toBe(new Date(Date.UTC(2026, 10, 1)).toUTCString());
    expect(status.stage).toBe('fetch');
    expect(status.trace.at(-1)).toMatchObject({ stage: 'fetch', event: 'completed' });
    // Extract never ran again, and the in-flight marker was released: a third enqueue is taken.
    await new Promise((r) => setTimeout(r, 300));
    expect(extracted.filter((e) => e === id)).toHaveLength(1);
    expect(await rig.infra.inflight.ageMs(id)).toBeNull();

    // The page changes: a full fetch and a new extraction.
    version = 2;
    await rig.enqueue(url);
    await eventually('a second extraction', async () => extracted.filter((e) => e === id).length === 2);
    await ended(id, 'done');
    expect(pageRequests('/story')[2]?.headers['if-none-match']).toBe('"v1"');
  });

  it('sends no validators when the previous run did not end done (a 304 would leave no document)', async () => {
    version = 3;
    const url = `${site.origins[0]}/broken`;
    failExtract = true;
    const id = await rig.enqueue(url);
    await ended(id, 'failed');
    failExtract = false;
    await rig.enqueue(url);
    await eventually('the full re-fetch to be extracted', async () => extracted.filter((e) => e === id).length === 2);
    await ended(id, 'done');
    expect(pageRequests('/broken')[1]?.headers['if-none-match']).toBeUndefined();
  });
});

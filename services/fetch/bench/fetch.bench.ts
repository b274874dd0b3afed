// Politeness and throughput of the fetch stage through real BullMQ workers on the real Redis
// (REDIS_URL, default redis://127.0.0.1:6379), against a local site on loopback addresses
// 127.0.0.2… (Linux routes all of 127/8 to lo). Uses its own queue prefix and deletes it.
// usage: npm run bench:fetch -- [--urls 400] [--hosts 20] [--page-ms 100] [--processes 2]
//          [--concurrency 16] [--host-concurrency 2] [--host-rate 20]
// Prints, per run: wall time, pages/s, the most requests in flight any host saw, the fastest
// start rate any host saw over a second, and how often each job was picked up.
import { performance } from 'node:perf_hooks';
import { eventually } from '../../../test/support/services';
import { htmlPage, sleep, startFetchRig, startSiteServer } from '../../../test/support/fetch-test-kit';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const urls = option('urls', 400);
const hosts = option('hosts', 20);
const pageMs = option('page-ms', 100);
const processes = option('processes', 2);
const hostConcurrency = option('host-concurrency', 2);
const hostRate = option('host-rate', 20);
const concurrency = option('concurrency', 16);
if (hosts > 250) throw new Error('--hosts: at most 250 loopback addresses');

const addresses = Array.from({ length: hosts }, (_, i) => `127.0.0.${i + 2}`);
const site = await startSiteServer(addresses, async (_req, res, path) => {
  if (path === '/robots.txt') {
    res.writeHead(404).end();
    return;
  }
  await sleep(pageMs);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(htmlPage(path));
});
const rig = await startFetchRig(
  { FETCH_HOST_CONCURRENCY: String(hostConcurrency), FETCH_HOST_RATE: String(hostRate), FETCH_CONCURRENCY: String(concurrency) },
  processes,
);
try {
  const started = performance.now();
  const ids: string[] = [];
  for (let i = 0; i < urls; i += 50) {
    const batch = Array.from({ length: Math.min(50, urls - i) }, (_, k) => rig.enqueue(`${site.origins[(i + k) % hosts]}/page/${i + k}`));
    ids.push(...(await Promise.all(batch)));
  }
  const enqueuedMs = performance.now() - started;
  await eventually(
    'every page',
    async () => (await Promise.all(ids.map((id) => rig.infra.status.get(id)))).every((s) => s?.state === 'extracting'),
    600_000,
    100,
  );
  const wallS = (performance.now() - started) / 1000;

  const pages = site.requests.filter((r) => r.path.startsWith('/page/'));
  let fastest = 0;
  for (const origin of site.origins) {
    const host = new URL(origin).host;
    const starts = pages
      .filter((r) => r.host === host)
      .map((r) => r.at)
      .sort((a, b) => a - b);
    for (let i = 0, j = 0; i < starts.length; i++) {
      while ((starts[i] ?? 0) - (starts[j] ?? 0) >= 1000) j++;
      fastest = Math.max(fastest, i - j + 1);
    }
  }
  const traces = await Promise.all(ids.map((id) => rig.infra.status.get(id)));
  const pickUps = traces.map((t) => t?.trace.filter((e) => e.event === 'started').length ?? 0);
  console.log(
    JSON.stringify(
      {
        urls,
        hosts,
        pageMs,
        processes,
        concurrency,
        hostConcurrency,
        hostRate,
        enqueueMs: Math.round(enqueuedMs),
        wallS: Number(wallS.toFixed(2)),
        pagesPerS: Number((urls / wallS).toFixed(1)),
        ceilingPagesPerS: Number((hosts * Math.min(hostRate, (hostConcurrency * 1000) / pageMs)).toFixed(1)),
        requestsSeen: pages.length,
        maxInFlightAnyHost: Math.max(...site.maxInFlight.values()),
        maxStartsInOneSecondAnyHost: fastest,
        pickUpsPerJob: { avg: Number((pickUps.reduce((a, b) => a + b, 0) / urls).toFixed(2)), max: Math.max(...pickUps) },
      },
      null,
      2,
    ),
  );
} finally {
  await rig.stop();
  await site.close();
}

import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { bulkTimeline, retryWaits, waitsAfterThrottling } from './support/bulk-analysis';
import { startBulkProxy, type BulkProxy } from './support/bulk-proxy';
import { startChaosEngine, type ChaosEngine } from './support/chaos-engine';
import { CHAOS_ENGINE_PORT, CHAOS_URLS } from './support/chaos-env';
import { sleep } from './support/chaos-run';
import { until } from './support/kills';
import { check } from './support/report';
import { finishScenario, setUpScenario, type Scenario } from './support/scenario';

const STORM_MS = Number(process.env.CHAOS_STORM_MS ?? 40_000);
const NOISE_WRITERS = 6;
const DATA = fileURLToPath(new URL('../../.data/chaos-engine-s5', import.meta.url));
// One write thread and a queue of one: any two bulks at once and the engine answers 429.
const TINY_WRITE_QUEUE = ['thread_pool.write.size: 1', 'thread_pool.write.queue_size: 1'].join('\n');

// Issue 6, scenario 5: a 429 storm (the engine's write queue made tiny, and other writers keep
// it full for a while): N documents, no duplicates, no failed job, nothing left; and the bulk rate
// backs off: after bulks answered with 429s twice in a row or more, the next one comes clearly
// later than after a clean one, as seen on the wire by a counting proxy between the index
// process and the engine.
describe('chaos s5: 429 storm', () => {
  let engine: ChaosEngine;
  let proxy: BulkProxy;
  let s: Scenario;
  let noiseIndex: string;
  beforeAll(async () => {
    engine = await startChaosEngine({ port: CHAOS_ENGINE_PORT, dataDir: DATA, extraSettings: TINY_WRITE_QUEUE });
    proxy = await startBulkProxy(engine.url);
    s = await setUpScenario('s5', { searchUrl: engine.url, indexSearchUrl: proxy.url });
    noiseIndex = `chaos-noise-${s.run.prefix.slice(-12)}`;
  });
  afterAll(async () => {
    await s?.close();
    if (engine) await fetch(`${engine.url}/${noiseIndex}`, { method: 'DELETE' }).catch(() => undefined);
    await proxy?.close();
    await engine?.stop();
  });

  it(`indexes ${CHAOS_URLS} URLs exactly once through the storm, backing off`, async () => {
    const pool = (await (await fetch(`${engine.url}/_cluster/settings?include_defaults=true&flat_settings=true`)).json()) as {
      defaults: Record<string, string>;
      persistent: Record<string, string>;
    };
    const queueSize = pool.defaults['thread_pool.write.queue_size'] ?? pool.persistent['thread_pool.write.queue_size'];
    const n = CHAOS_URLS;
    const t0 = Date.now();
    await s.run.enqueue(Array.from({ length: n }, (_, i) => s.site.articleUrl(i)));
    await until(async () => (await s.run.documents()) >= Math.floor(n * 0.1), 10 * 60_000, 300);

    // The storm: other writers keep the one write thread and its one-slot queue busy.
    const stormFrom = Date.now();
    const noise = { requests: 0, rejected: 0 };
    let storming = true;
    const doc = JSON.stringify({ note: 'x'.repeat(200) });
    const body = Array.from({ length: 200 }, () => `{"index":{}}\n${doc}\n`).join('');
    const writers = Array.from({ length: NOISE_WRITERS }, async () => {
      while (storming) {
        const res = await fetch(`${engine.url}/${noiseIndex}/_bulk`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-ndjson' },
          body,
        }).catch(() => null);
        noise.requests++;
        if (res?.status === 429) {
          noise.rejected++;
        } else if (res) {
          const j = (await res.json().catch(() => ({}))) as { items?: { index?: { status?: number } }[] };
          if (j.items?.some((i) => i.index?.status === 429)) noise.rejected++;
        }
      }
    });
    await sleep(STORM_MS);
    storming = false;
    await Promise.all(writers);
    const stormTo = Date.now();

    const inStorm = proxy.calls.filter((c) => c.at >= stormFrom && c.at < stormTo);
    await finishScenario(s, {
      title: `${n} URLs, ${STORM_MS / 1000} s of 429s (write queue ${queueSize}, ${NOISE_WRITERS} other writers)`,
      t0,
      expectedDocs: n,
      drainTimeoutMs: 15 * 60_000,
      checks: () => {
        const refused = proxy.calls.reduce((k, c) => k + c.rejectedIds.length, 0);
        const w = waitsAfterThrottling(proxy.calls);
        // Sustained throttling: two 429-answered bulks in a row or more.
        const sustained = [
          ...(w.afterThrottled2.medianMs !== null ? [w.afterThrottled2.medianMs] : []),
          ...(w.afterThrottled3plus.medianMs !== null ? [w.afterThrottled3plus.medianMs] : []),
        ];
        const t = sustained.length ? Math.min(...sustained) : null;
        const c = w.afterClean.medianMs;
        const backsOff = t !== null && c !== null && t >= 2 * Math.max(c, 100);
        return [
          check('the engine refused documents with 429 (the storm happened)', '> 0', refused, refused > 0),
          check(
            'wait before the next bulk after 2+ throttled bulks in a row vs after a clean one (medians)',
            '≥ 2× (and ≥ 200 ms)',
            `${t ?? 'not observed'} ms vs ${c ?? '-'} ms (${JSON.stringify(w)})`,
            backsOff,
          ),
        ];
      },
      extra: {
        writeQueueSize: queueSize,
        stormFromMs: stormFrom - t0,
        stormMs: stormTo - stormFrom,
        noise,
        bulkCalls: proxy.calls.length,
        bulkCallsInStorm: inStorm.length,
        refusedInStorm: inStorm.reduce((k, c) => k + c.rejectedIds.length, 0),
      },
      after: async () => ({
        bulkCallsRaw: proxy.calls.map((x) => [x.at - t0, x.ms, x.items, x.rejectedIds.length]),
        // Per document: the wait from each refusal to its next send (design-dependent, for the record).
        retryWaits: retryWaits(proxy.calls),
        bulkTimeline: bulkTimeline(proxy.calls, t0),
      }),
    });
  });
});

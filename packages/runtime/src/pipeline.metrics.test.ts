import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startHealthServer } from './health.server';
import { createPipelineMetrics } from './pipeline.metrics';
import type { QueueSet } from './queue.set';

/** Queues that report fixed counts, as BullMQ's getJobCounts does. */
function fakeQueues(waiting: Record<string, number>): QueueSet {
  const queue = (name: string) => ({
    getJobCounts: async (...types: string[]) => Object.fromEntries(types.map((t) => [t, t === 'waiting' ? (waiting[name] ?? 0) : 0])),
  });
  return { fetch: queue('fetch'), extract: queue('extract'), enrich: queue('enrich'), index: queue('index') } as unknown as QueueSet;
}

describe('pipeline metrics', () => {
  it('counts outcomes per stage and code, fetch statuses and extraction failures, and reads queue depths when scraped', async () => {
    const m = createPipelineMetrics({ queues: fakeQueues({ fetch: 7, index: 2 }), processMetrics: false });
    m.completed('fetch', { ms: 120, status: 200 });
    m.completed('fetch', { ms: 80, status: 203 });
    m.failed('fetch', 'http-4xx', true, 30);
    m.failed('extract', 'no-article', true, 40);
    m.failed('extract', 'transient', false, 40);
    const { contentType, body } = await m.render();
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toMatch(/^newsflow_jobs_completed_total\{stage="fetch"\} 2$/m);
    expect(body).toMatch(/^newsflow_jobs_completed_total\{stage="index"\} 0$/m);
    expect(body).toMatch(/^newsflow_jobs_failed_total\{stage="fetch",code="http-4xx",final="true"\} 1$/m);
    expect(body).toMatch(/^newsflow_fetch_responses_total\{status="203"\} 1$/m);
    expect(body).toMatch(/^newsflow_extraction_failures_total\{reason="no-article"\} 1$/m);
    expect(body).not.toMatch(/newsflow_extraction_failures_total\{reason="transient"\}/); // retried, not given up
    expect(body).toMatch(/^newsflow_stage_duration_seconds_bucket\{le="0.1",stage="fetch",outcome="completed"\} 1$/m);
    expect(body).toMatch(/^newsflow_queue_jobs\{queue="fetch",state="waiting"\} 7$/m);
    expect(body).toMatch(/^newsflow_queue_jobs\{queue="index",state="waiting"\} 2$/m);
    expect(body).not.toMatch(/process_cpu/);
  });

  it('counts discover jobs like a stage’s, how the polls went and the URLs they enqueued, and shows the discover queue', async () => {
    const discover = { getJobCounts: async (...types: string[]) => Object.fromEntries(types.map((t) => [t, t === 'delayed' ? 4 : 0])) };
    const m = createPipelineMetrics({ queues: fakeQueues({}), discover, processMetrics: false });
    const before = (await m.render()).body;
    expect(before).toMatch(/^newsflow_jobs_completed_total\{stage="discover"\} 0$/m);
    m.completed('discover', { ms: 900, status: 'ok', documents: 2, found: 12, fresh: 5, enqueued: 5 });
    m.completed('discover', { ms: 300, status: 'failed', documents: 1, found: 0, fresh: 0, enqueued: 0 });
    m.completed('discover', { ms: 1, skipped: 'another poll of this source is running' });
    m.failed('discover', 'transient', false, 50);
    const { body } = await m.render();
    expect(body).toMatch(/^newsflow_jobs_completed_total\{stage="discover"\} 3$/m);
    expect(body).toMatch(/^newsflow_jobs_failed_total\{stage="discover",code="transient",final="false"\} 1$/m);
    expect(body).toMatch(/^newsflow_stage_duration_seconds_count\{stage="discover",outcome="completed"\} 3$/m);
    expect(body).toMatch(/^newsflow_source_polls_total\{status="ok"\} 1$/m);
    expect(body).toMatch(/^newsflow_source_polls_total\{status="failed"\} 1$/m);
    expect(body).toMatch(/^newsflow_discover_urls_enqueued_total 5$/m);
    expect(body).toMatch(/^newsflow_queue_jobs\{queue="discover",state="delayed"\} 4$/m);
    // Without the discover queue (a process that cannot see it), the stages alone.
    const plain = (await createPipelineMetrics({ queues: fakeQueues({}), processMetrics: false }).render()).body;
    expect(plain).not.toMatch(/queue="discover"|stage="discover"/);
  });

  it('is served at /metrics by the workers’ health server, next to /healthz', async () => {
    const m = createPipelineMetrics({ queues: fakeQueues({}), processMetrics: true });
    const server = await startHealthServer(0, { ready: { redis: async () => true }, metrics: m.render });
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const res = await fetch(`${base}/metrics`);
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body).toMatch(/^newsflow_queue_jobs\{queue="enrich",state="active"\} 0$/m);
      expect(body).toMatch(/^newsflow_process_cpu_seconds_total /m);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startHealthServer } from './health.server';
import { createPipelineMetrics } from './pipeline.metrics';
import type { QueueSet } from './queue.set';

/** Queues that report fixed counts, as BullMQ's getJobCounts does. */
function fakeQueues(waiting: Record<string, number>): QueueSet {
  const queue = (name: string) => ({ getJobCounts: async (...types: string[]) => Object.fromEntries(types.map((t) => [t, t === 'waiting' ? (waiting[name] ?? 0) : 0])) });
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

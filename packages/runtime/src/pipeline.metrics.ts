import type { Queue } from 'bullmq';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { POLL_STATUSES, QUEUES, STAGES, type QueueName } from '@newsflow/contracts';
import type { QueueSet } from './queue.set';
import type { StageMetrics, StageResult } from './stage.runner';

/** Every queue whose jobs are counted: the article stages, and discover (source polls). */
export type MeteredQueue = QueueName | typeof QUEUES.discover;

/** The runners' metrics port in Prometheus form, plus what a scrape of `/metrics` returns. */
export interface PipelineMetrics extends StageMetrics {
  completed(stage: MeteredQueue, result: StageResult): void;
  failed(stage: MeteredQueue, code: string, final: boolean, ms: number): void;
  readonly registry: Registry;
  /** The text exposition format, queue depths read from Redis at this moment. */
  render(): Promise<{ contentType: string; body: string }>;
}

export interface PipelineMetricsOptions {
  /** Queue depths are read from these at scrape time. */
  queues: QueueSet;
  /** The discover queue, when this process can see it: its depths too. */
  discover?: Pick<Queue, 'getJobCounts'>;
  /** Process CPU, memory, event-loop lag… (off in tests that build many registries). */
  processMetrics?: boolean;
}

// The BullMQ job states worth a gauge; 'completed' and 'failed' are bounded by retention, so
// they say little about throughput (the counters do) but show what is kept.
const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'completed', 'failed'] as const;

// Stage durations range from a few ms (index, batched) to the fetch deadline (20 s by default).
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 60];

/**
 * One registry per process (not prom-client's global one), so several pipelines in one process
 * (tests, `newsflow start` with every service) each count their own jobs once.
 */
export function createPipelineMetrics(opts: PipelineMetricsOptions): PipelineMetrics {
  const registry = new Registry();
  if (opts.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'newsflow_' });

  const completed = new Counter({
    name: 'newsflow_jobs_completed_total',
    help: 'Jobs a stage finished successfully.',
    labelNames: ['stage'],
    registers: [registry],
  });
  const failed = new Counter({
    name: 'newsflow_jobs_failed_total',
    help: 'Failed job attempts by stage and failure code; final="true" when no retry is left.',
    labelNames: ['stage', 'code', 'final'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'newsflow_stage_duration_seconds',
    help: "Time a stage's handler took per attempt, by outcome.",
    labelNames: ['stage', 'outcome'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const fetchStatus = new Counter({
    name: 'newsflow_fetch_responses_total',
    help: 'HTTP status codes of pages fetched successfully (failed fetches are counted by code in newsflow_jobs_failed_total).',
    labelNames: ['status'],
    registers: [registry],
  });
  const extractionFailures = new Counter({
    name: 'newsflow_extraction_failures_total',
    help: 'Pages the extract stage gave up on, by reason code (no-article, not-html, too-large, …).',
    labelNames: ['reason'],
    registers: [registry],
  });
  // A poll's job succeeds whatever the source served (its trouble is the source's last error),
  // so how the polls went is counted apart.
  const sourcePolls = new Counter({
    name: 'newsflow_source_polls_total',
    help: 'Source polls by how they went (ok, unchanged, partial, failed); skipped polls are not counted.',
    labelNames: ['status'],
    registers: [registry],
  });
  const discovered = new Counter({
    name: 'newsflow_discover_urls_enqueued_total',
    help: 'Article URLs source polls put into the pipeline.',
    registers: [registry],
  });
  const queued: { name: MeteredQueue; queue: Pick<Queue, 'getJobCounts'> }[] = [
    ...STAGES.map((name) => ({ name, queue: opts.queues[name] as Pick<Queue, 'getJobCounts'> })),
    ...(opts.discover ? [{ name: QUEUES.discover, queue: opts.discover }] : []),
  ];
  new Gauge({
    name: 'newsflow_queue_jobs',
    help: 'Jobs in each queue by state, read from Redis when scraped.',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      const counts = await Promise.all(queued.map((q) => q.queue.getJobCounts(...QUEUE_STATES)));
      queued.forEach(({ name: queue }, i) => {
        for (const state of QUEUE_STATES) this.set({ queue, state }, counts[i]?.[state] ?? 0);
      });
    },
  });

  // Pre-create the per-stage series so dashboards see 0 rather than nothing before the first job.
  for (const stage of STAGES) completed.inc({ stage }, 0);
  if (opts.discover) completed.inc({ stage: QUEUES.discover }, 0);

  return {
    registry,
    completed(stage: MeteredQueue, result: StageResult) {
      completed.inc({ stage });
      duration.observe({ stage, outcome: 'completed' }, result.ms / 1000);
      if (stage === 'fetch' && typeof result.status === 'number') fetchStatus.inc({ status: String(result.status) });
      if (stage === QUEUES.discover && typeof result.status === 'string' && (POLL_STATUSES as readonly string[]).includes(result.status)) {
        sourcePolls.inc({ status: result.status });
        if (typeof result.enqueued === 'number') discovered.inc(result.enqueued);
      }
    },
    failed(stage: MeteredQueue, code: string, final: boolean, ms: number) {
      failed.inc({ stage, code, final: String(final) });
      duration.observe({ stage, outcome: 'failed' }, ms / 1000);
      if (stage === 'extract' && final) extractionFailures.inc({ reason: code });
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

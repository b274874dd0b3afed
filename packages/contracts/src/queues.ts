/**
 * Queue names are stored state: jobs in Redis live under these names, so renaming one
 * needs a migration. Everything else refers to queues through this object.
 */
export const QUEUES = {
  fetch: 'fetch',
  extract: 'extract',
  enrich: 'enrich',
  index: 'index',
  /** Polls of followed sources (feeds, sitemaps, sites): its jobs carry a source id, not an article. */
  discover: 'discover',
} as const;

/** The article pipeline's queues: every queue but discover, whose jobs are about sources. */
export type QueueName = Exclude<(typeof QUEUES)[keyof typeof QUEUES], typeof QUEUES.discover>;

/** The pipeline's order; each stage hands its result to the next one. */
export const STAGES: readonly QueueName[] = [QUEUES.fetch, QUEUES.extract, QUEUES.enrich, QUEUES.index];

export function nextStage(stage: QueueName): QueueName | null {
  const i = STAGES.indexOf(stage);
  return STAGES[i + 1] ?? null;
}

export function isQueueName(value: string): value is QueueName {
  return (STAGES as readonly string[]).includes(value);
}

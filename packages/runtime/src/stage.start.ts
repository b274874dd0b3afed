import type { QueueName } from '@newsflow/contracts';
import type { Closeable } from './shutdown';
import { closeWorker, createStageWorker, type StageHandler } from './stage.runner';
import type { StageInfra } from './stage.infra';

/** Runs a stage's handler on its queue with the process's shared infrastructure; returns how to stop it. */
export function startStageWorker<Q extends QueueName>(
  infra: StageInfra,
  stage: Q,
  handler: StageHandler<Q>,
  concurrency: number,
): Closeable {
  const worker = createStageWorker({
    stage,
    handler,
    connection: infra.connection,
    prefix: infra.config.redis.prefix,
    concurrency,
    queues: infra.queues,
    status: infra.status,
    inflight: infra.inflight,
    logger: infra.logger,
    metrics: infra.metrics,
    maxAhead: infra.config.maxAhead,
  });
  return { name: `${stage} worker`, close: () => closeWorker(worker, infra.config.shutdownTimeoutMs) };
}

import type { NlpEngine } from '@newsflow/nlp';
import { createBackoff, createOutagePause, startStageWorker, type Closeable, type StageInfra } from '@newsflow/runtime';
import { createEnrichHandler } from './enrich.handler';
import { createRedisNameRegistry } from './name.registry';

/** The enrich stage: consumes `enrich`, produces `index`; reads names and sentences through `nlp`. */
export function startEnrichService(infra: StageInfra, nlp: NlpEngine): Closeable[] {
  const { config, logger } = infra;
  // One pause for the process: while the NLP server is away (a restart loads its models for
  // tens of seconds), jobs are put off together, longer while the outage lasts.
  // (at most 15 s: a restarted server is ready in 5-15 s, and nothing else tells us it is back)
  const pause = createOutagePause(createBackoff({ firstMs: 1000, maxMs: 15_000 }));
  void nlp.isReady().then((ready) => {
    if (!ready) logger.warn({ nlp: config.nlp.url }, 'the NLP server does not answer; enrich jobs are put off until it does');
  });
  const worker = startStageWorker(
    infra,
    'enrich',
    createEnrichHandler({ blobs: infra.blobs, nlp, pause, names: createRedisNameRegistry(infra.connection, config.redis.prefix) }),
    config.concurrency.enrich,
  );
  return [worker];
}

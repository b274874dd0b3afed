import type { Redis } from 'ioredis';
import type { Config } from '@newsflow/config';
import type { BlobStore } from './blob.store';
import type { InFlightMarker } from './inflight.marker';
import type { Logger } from './logger';
import type { PipelineMetrics } from './pipeline.metrics';
import type { QueueSet } from './queue.set';
import type { StatusStore } from './status.store';

/** What every stage service is given by the process's composition root. */
export interface StageInfra {
  config: Config;
  logger: Logger;
  /** The blocking-friendly connection BullMQ workers share. */
  connection: Redis;
  queues: QueueSet;
  status: StatusStore;
  blobs: BlobStore;
  inflight: InFlightMarker;
  /** The process's Prometheus metrics; stage workers report to it when present. */
  metrics?: PipelineMetrics;
}

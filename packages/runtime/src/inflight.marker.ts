import type { Redis } from 'ioredis';

/**
 * Marks an article as being somewhere in the pipeline, from enqueue until it is done or has
 * finally failed. Claiming is one atomic SET NX, so two enqueues of one URL racing each other
 * do the work once. The TTL only guards against a marker outliving a lost job.
 */
export interface InFlightMarker {
  claim(id: string): Promise<boolean>;
  /** How long ago the marker was claimed; null when there is none. */
  ageMs(id: string): Promise<number | null>;
  release(id: string): Promise<void>;
}

const TTL_SECONDS = 24 * 3600;

export function createInFlightMarker(redis: Redis, prefix: string): InFlightMarker {
  const key = (id: string) => `${prefix}:inflight:${id}`;
  return {
    async claim(id) {
      return (await redis.set(key(id), Date.now().toString(), 'EX', TTL_SECONDS, 'NX')) === 'OK';
    },
    async ageMs(id) {
      const since = await redis.get(key(id));
      return since === null ? null : Date.now() - Number(since);
    },
    async release(id) {
      await redis.del(key(id));
    },
  };
}

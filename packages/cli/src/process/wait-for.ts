import type { Logger } from '@newsflow/runtime';

/** Retries `attempt` until it succeeds, backing off to 5 s; used for dependencies that start slower than we do. */
export async function waitFor<T>(what: string, attempt: () => Promise<T>, logger: Logger, signal?: AbortSignal): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (signal?.aborted) throw err;
      const delay = Math.min(500 * 2 ** i, 5000);
      logger.warn({ err: (err as Error).message, retryInMs: delay }, `waiting for ${what}`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

import type { Logger } from './logger';

export interface Closeable {
  name: string;
  close(): Promise<void>;
}

/**
 * On SIGTERM or SIGINT closes everything in the order given (workers first, then queues, Redis,
 * the search client) and lets the process exit 0. A second signal exits at once.
 */
export function closeOnSignals(closeables: Closeable[], logger: Logger): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    closing = true;
    logger.info({ signal }, 'shutting down');
    void closeInOrder(closeables, logger).then(() => {
      logger.info('stopped');
      process.exitCode = 0;
      // Handles of third-party clients can linger; everything of ours is closed.
      setTimeout(() => process.exit(0), 200).unref();
    });
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

export async function closeInOrder(closeables: Closeable[], logger: Logger): Promise<void> {
  for (const c of closeables) {
    try {
      await c.close();
    } catch (err) {
      logger.warn({ err, what: c.name }, 'error while closing');
    }
  }
}

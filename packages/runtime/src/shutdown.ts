import type { Logger } from './logger';

export interface Closeable {
  name: string;
  close(): Promise<void>;
}

/**
 * On SIGTERM or SIGINT closes everything in the order given (workers first, then queues, Redis,
 * the search client) and lets the process exit 0. A second signal, two seconds or more after
 * the first, exits at once.
 */
export function closeOnSignals(closeables: Closeable[], logger: Logger): void {
  let closingSince = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closingSince > 0) {
      // Ctrl-C reaches a whole process group and supervisors add their own SIGTERM: a signal
      // right after the first is the same request. A later one is someone insisting.
      if (Date.now() - closingSince < 2000) return;
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    closingSince = Date.now();
    logger.info({ signal }, 'shutting down');
    void closeInOrder(closeables, logger).then(() => {
      logger.info('stopped');
      process.exitCode = 0;
      // Handles of third-party clients can linger; everything of ours is closed.
      setTimeout(() => process.exit(0), 200).unref();
    });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
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

import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * One root logger per process; stages take child loggers with queue, job id and URL hash.
 * `destination` (default: standard output) lets a test read what would be logged.
 */
export function createLogger(level: string, base: Record<string, unknown> = {}, destination?: DestinationStream): Logger {
  const options = { level, base: { ...base }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}

/** A logger that drops everything: for unit tests and library defaults. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

import { pino, type Logger } from 'pino';

export type { Logger };

/** One root logger per process; stages take child loggers with queue, job id and URL hash. */
export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({ level, base: { ...base }, timestamp: pino.stdTimeFunctions.isoTime });
}

/** A logger that drops everything: for unit tests and library defaults. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/**
 * What `newsflow` exits with, the same for every command, so scripts can tell a bad invocation
 * from bad input from a service that is away (and retry only the last).
 */
export const EXIT = {
  ok: 0,
  /** Some input was refused or failed (the rest was done). */
  failed: 1,
  /** The command line itself is wrong: unknown option or command, missing or bad argument. */
  usage: 2,
  /** Redis, the search engine, the NLP server or Kibana cannot be reached. */
  unreachable: 3,
} as const;

/** Thrown for a command line that cannot be run as written; exits 2 with its message. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Thrown when a service the command needs does not answer; exits 3 with its message. */
export class UnreachableError extends Error {
  override readonly name = 'UnreachableError';
}

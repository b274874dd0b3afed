import { UnrecoverableError } from 'bullmq';

/**
 * A failure that no retry can fix (invalid URL, 404, not HTML, no article). BullMQ fails the job
 * at once; the message is shown to users as the reason, so write it for a person.
 */
export class PermanentError extends UnrecoverableError {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'PermanentError';
  }
}

export function isPermanent(err: unknown): boolean {
  return err instanceof UnrecoverableError;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Exhaustiveness check for switches over unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

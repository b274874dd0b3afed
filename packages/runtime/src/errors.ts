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

/**
 * Permanent failures that are the pipeline working as meant: the address or the page is refused
 * (a private address, a 404, a robots.txt disallow, not HTML, no article…). They are the
 * article's outcome, not a fault of newsflow's: logged at warn level with their reason and no
 * stack, whereas anything else that fails for good (a bad payload, a document the mapping refuses,
 * a transient failure with no attempt left) is an error.
 */
const REFUSALS: ReadonlySet<string> = new Set([
  'invalid-url',
  'unsupported-scheme',
  'blocked-address',
  'http-304',
  'http-4xx',
  'not-html',
  'too-large',
  'too-deep',
  'headers-too-large',
  'too-many-redirects',
  'redirect-loop',
  'robots-disallowed',
  'no-article',
]);

/** An expected refusal (see REFUSALS): the code of the PermanentError, else null. */
export function refusalCode(err: unknown): string | null {
  return err instanceof PermanentError && REFUSALS.has(err.code) ? err.code : null;
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

import { CommanderError } from 'commander';
import { EXIT, UnreachableError, UsageError } from './cli.errors';

/**
 * How a command that threw ends: its exit code, and the one line to print (null when commander
 * has printed its own message and usage already). Anything unforeseen is a failure (1) told in
 * one line: a stack trace, or an error object printed whole, helps nobody running the CLI.
 */
export function failureOf(err: unknown): { code: number; message: string | null } {
  if (err instanceof CommanderError) return { code: err.exitCode === 0 ? EXIT.ok : EXIT.usage, message: null };
  const message = oneLine(err);
  if (err instanceof UsageError) return { code: EXIT.usage, message };
  if (err instanceof UnreachableError) return { code: EXIT.unreachable, message };
  return { code: EXIT.failed, message };
}

const MAX_LINE = 500;

function oneLine(err: unknown): string {
  const text =
    (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim() || (err instanceof Error ? err.name : 'failed');
  return text.length > MAX_LINE ? `${text.slice(0, MAX_LINE)}…` : text;
}

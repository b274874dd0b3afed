import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { UnreachableError, UsageError } from './cli.errors';
import { failureOf } from './failure.report';

describe('failureOf: how a thrown command ends', () => {
  it('a command line commander refused: 2, its message already printed; help and version: 0', () => {
    expect(failureOf(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'"))).toEqual({ code: 2, message: null });
    expect(failureOf(new CommanderError(1, 'commander.missingArgument', 'error: missing required argument'))).toEqual({
      code: 2,
      message: null,
    });
    expect(failureOf(new CommanderError(0, 'commander.version', '0.1.0'))).toEqual({ code: 0, message: null });
  });

  it('a usage error: 2; a service away: 3; anything else: 1', () => {
    expect(failureOf(new UsageError('--size must be a whole number'))).toEqual({ code: 2, message: '--size must be a whole number' });
    expect(failureOf(new UnreachableError('cannot reach Redis at redis://127.0.0.1:1: connection refused'))).toEqual({
      code: 3,
      message: 'cannot reach Redis at redis://127.0.0.1:1: connection refused',
    });
    expect(failureOf(new Error('cannot read urls.txt: ENOENT'))).toEqual({ code: 1, message: 'cannot read urls.txt: ENOENT' });
  });

  it('says an unforeseen error in one line, however it was written', () => {
    const zodLike = new Error(JSON.stringify([{ code: 'too_big', path: ['url'], message: 'Too big' }], null, 2));
    const { message } = failureOf(zodLike);
    expect(message).not.toContain('\n');
    expect(message).toContain('"too_big"');
    expect(failureOf(new Error('x'.repeat(2000))).message!.length).toBeLessThanOrEqual(501);
  });
});

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const MAIN = fileURLToPath(new URL('../../packages/cli/src/main.ts', import.meta.url));

/**
 * Node's arguments that run the `newsflow` command from its TypeScript sources (tsx, and the
 * workspace packages' sources through their `newsflow-source` export condition), so tests see
 * the code as it is, built or not. test/e2e/build.e2e.test.ts runs the compiled one.
 */
export const NEWSFLOW_FROM_SOURCES: readonly string[] = ['--conditions=newsflow-source', '--import', TSX, MAIN];

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `newsflow ARGS` as a user would, in its own process, with only the given settings. */
export function runCli(args: string[], env: Record<string, string> = {}, stdin?: string, timeoutMs = 60_000): Promise<CliResult> {
  return runCommand(process.execPath, [...NEWSFLOW_FROM_SOURCES, ...args], { env, stdin, timeoutMs });
}

/** Runs a command with only PATH, HOME, LOG_LEVEL=warn and the given settings; killed after `timeoutMs`. */
export function runCommand(
  command: string,
  args: string[],
  opts: { env?: Record<string, string>; stdin?: string; timeoutMs?: number; cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.stdin ?? '');
  });
}

export function jsonLines<T = Record<string, unknown>>(out: string): T[] {
  return out
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

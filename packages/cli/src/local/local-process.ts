import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Logger } from '@newsflow/runtime';

export interface LocalService {
  url: string;
  /** Stops the process this module started; a no-op when the service was already running. */
  stop(): Promise<void>;
}

export interface SupervisedOptions {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  url: string;
  isUp: () => Promise<boolean>;
  startTimeoutMs: number;
  stopTimeoutMs: number;
  logger?: Logger;
}

const TAIL_LINES = 40;

/**
 * Runs a local dependency as a child of this process (same process group, so Ctrl-C in a
 * terminal reaches it too, and an exit hook signals it if we exit first), waits until
 * `isUp` holds, and gives back a stop() that ends it and waits for its exit.
 */
export async function startSupervised(opts: SupervisedOptions): Promise<LocalService> {
  const child = spawn(opts.command, opts.args, { env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const collect = (line: string) => {
    if (!line.trim()) return;
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    opts.logger?.debug({ service: opts.name }, line);
  };
  if (child.stdout) createInterface({ input: child.stdout }).on('line', collect);
  if (child.stderr) createInterface({ input: child.stderr }).on('line', collect);

  let early: string | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      early ??= `exited (code ${code}, signal ${signal})`;
      resolve();
    }),
  );
  // Without a listener a failed spawn (ENOENT) would be thrown as an uncaught error.
  child.once('error', (err) => (early ??= `could not be spawned: ${err.message}`));
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    await terminate(child, exited, opts.stopTimeoutMs);
  };

  const deadline = Date.now() + opts.startTimeoutMs;
  while (!(await opts.isUp())) {
    if (early !== undefined || Date.now() >= deadline) {
      await stop();
      const why = early ?? `was not up within ${opts.startTimeoutMs} ms`;
      throw new Error(`${opts.name} (${opts.command}) ${why}; last output:\n${tail.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  opts.logger?.info({ service: opts.name, url: opts.url, pid: child.pid }, `${opts.name} started`);
  return { url: opts.url, stop };
}

async function terminate(child: ChildProcess, exited: Promise<void>, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)));
  const result = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  if (result === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

/** A service that was already running when asked to start: we neither own nor stop it. */
export function alreadyRunning(url: string): LocalService {
  return { url, stop: async () => {} };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NEWSFLOW_FROM_SOURCES } from './cli';

export type StageName = 'fetch' | 'extract' | 'enrich' | 'index';
export const STAGE_NAMES: readonly StageName[] = ['fetch', 'extract', 'enrich', 'index'];

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** ms from the signal we sent (or from the start) to the exit. */
  ms: number;
}

/**
 * One stage running as its own real process (`newsflow start <stage>`), output appended to a log
 * file, which can be killed, stopped and started again. Every start is recorded, with its exit.
 */
export interface StageProcess {
  name: StageName | 'api' | 'discover';
  pid(): number | undefined;
  running(): boolean;
  /** Starts the process; resolves once `ready` holds (or after a short grace when not given). */
  start(ready?: () => Promise<boolean>): Promise<void>;
  kill(signal: NodeJS.Signals): number;
  /** Resolves with the current child's exit. */
  exited(): Promise<ExitInfo>;
  /** Exits seen so far that we did not cause (crashes): worker restarted by nobody. */
  unexpectedExits(): ExitInfo[];
  starts(): number;
  logFile: string;
  /** VmRSS of the running process in kB (from /proc), null when not running. */
  rssKb(): number | null;
  /** VmHWM, the running process's peak RSS so far, in kB; null when not running. */
  peakRssKb(): number | null;
}

/** The compiled CLI (npm run build), as npm start and the image run it. */
const COMPILED_BIN = fileURLToPath(new URL('../../packages/cli/bin/newsflow.js', import.meta.url));

/**
 * `compiled`: run the built JavaScript (as in production: benchmarks) instead of the sources
 * (tests see the code as it is, built or not). `nodeArgs`: node's own flags, such as --cpu-prof
 * (which NODE_OPTIONS refuses).
 */
export function createStageProcess(
  name: StageName | 'api' | 'discover',
  env: Record<string, string>,
  logDir: string,
  opts: { compiled?: boolean; nodeArgs?: readonly string[] } = {},
): StageProcess {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  let child: ChildProcess | null = null;
  let exitPromise: Promise<ExitInfo> = Promise.resolve({ code: null, signal: null, ms: 0 });
  let signalledAt: number | null = null;
  let starts = 0;
  const unexpected: ExitInfo[] = [];

  return {
    name,
    logFile,
    pid: () => child?.pid,
    running: () => child !== null && child.exitCode === null && child.signalCode === null,
    starts: () => starts,
    unexpectedExits: () => [...unexpected],
    async start(ready) {
      if (child && child.exitCode === null && child.signalCode === null) throw new Error(`${name} is already running`);
      starts++;
      log.write(`\n=== start #${starts} at ${new Date().toISOString()}\n`);
      const startedAt = Date.now();
      signalledAt = null;
      const c = spawn(
        process.execPath,
        [...(opts.nodeArgs ?? []), ...(opts.compiled ? [COMPILED_BIN] : NEWSFLOW_FROM_SOURCES), 'start', name],
        {
          env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child = c;
      c.stdout?.pipe(log, { end: false });
      c.stderr?.pipe(log, { end: false });
      exitPromise = new Promise((resolve) => {
        c.once('exit', (code, signal) => {
          const info = { code, signal, ms: Date.now() - (signalledAt ?? startedAt) };
          log.write(`=== exit code=${code} signal=${signal} after ${info.ms} ms\n`);
          if (signalledAt === null) unexpected.push(info);
          resolve(info);
        });
      });
      // Ready once the process has connected and started its worker (its first log line is
      // not guaranteed at LOG_LEVEL=warn): give tsx and the imports their time.
      await waitUntilUp(c, name, ready, 60_000);
    },
    kill(signal) {
      if (!child || child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} is not running`);
      signalledAt = Date.now();
      child.kill(signal);
      return signalledAt;
    },
    exited: () => exitPromise,
    rssKb: () => procStatusKb(child, 'VmRSS'),
    peakRssKb: () => procStatusKb(child, 'VmHWM'),
  };
}

/** A kB figure of /proc/PID/status for a running child, null otherwise. */
function procStatusKb(child: ChildProcess | null, field: 'VmRSS' | 'VmHWM'): number | null {
  const pid = child && child.exitCode === null && child.signalCode === null ? child.pid : undefined;
  if (pid === undefined) return null;
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Waits until `ready` holds (e.g. the process's Redis connection is seen), failing if it exits first. */
async function waitUntilUp(c: ChildProcess, name: string, ready: (() => Promise<boolean>) | undefined, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const graceUntil = Date.now() + 1500;
  for (;;) {
    if (c.exitCode !== null || c.signalCode !== null) {
      throw new Error(`${name} exited at start (code ${c.exitCode}, signal ${c.signalCode})`);
    }
    if (ready ? await ready().catch(() => false) : Date.now() >= graceUntil) return;
    if (Date.now() >= deadline) throw new Error(`${name} was not up within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

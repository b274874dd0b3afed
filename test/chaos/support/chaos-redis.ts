import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { Redis } from 'ioredis';
import { isRedisUp } from '../../../packages/cli/src/local/local-redis';

/**
 * The suite's own redis-server on its own port and folder, configured as in docker compose
 * (append-only file fsynced every second, noeviction), so it can be shut down and started
 * again on the same port and data without touching the machine's shared Redis.
 */
export interface ChaosRedis {
  url: string;
  port: number;
  /** Graceful SHUTDOWN (the AOF is flushed), then waits for the process to exit. */
  shutdown(): Promise<void>;
  start(): Promise<void>;
  /** A fresh short-lived client (caller disconnects). */
  client(): Redis;
  info(section: string): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

export async function startChaosRedis(port: number, dir: string, logFile: string): Promise<ChaosRedis> {
  mkdirSync(dir, { recursive: true });
  const url = `redis://127.0.0.1:${port}`;
  if (await isRedisUp(url)) throw new Error(`something already answers at ${url}`);
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const start = async () => {
    const c = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'everysec',
        '--maxmemory-policy',
        'noeviction',
        '--save',
        '',
        '--logfile',
        logFile,
      ],
      { stdio: 'ignore' },
    );
    child = c;
    exited = new Promise((r) => c.once('exit', () => r()));
    const deadline = Date.now() + 20_000;
    while (!(await isRedisUp(url, 500))) {
      if (c.exitCode !== null) throw new Error(`redis-server exited at start (code ${c.exitCode}); see ${logFile}`);
      if (Date.now() > deadline) throw new Error(`redis-server not up at ${url} within 20 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  const client = () => new Redis(url, { maxRetriesPerRequest: 3, lazyConnect: false });
  const shutdown = async () => {
    if (!child || child.exitCode !== null) return;
    const r = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => undefined);
    // SHUTDOWN closes the connection instead of answering.
    await r.call('SHUTDOWN').catch(() => undefined);
    r.disconnect();
    await exited;
  };

  await start();
  return {
    url,
    port,
    start,
    shutdown,
    client,
    async info(section) {
      const r = client();
      try {
        const text = await r.info(section);
        return Object.fromEntries(
          text
            .split('\r\n')
            .filter((l) => l.includes(':'))
            .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]),
        );
      } finally {
        r.disconnect();
      }
    },
    async stop() {
      process.off('exit', killOnExit);
      await shutdown();
    },
  };
}

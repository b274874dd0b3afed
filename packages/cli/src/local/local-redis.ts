import { mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import type { Logger } from '@newsflow/runtime';
import { alreadyRunning, startSupervised, type LocalService } from './local-process';

export type { LocalService };

export interface LocalRedisOptions {
  port: number;
  dataDir: string;
  logger?: Logger;
  startTimeoutMs?: number;
  /** `redis-server` on PATH unless given. */
  redisServer?: string;
}

/**
 * True when a Redis server at `url` (redis://[user:pass@]host:port) answers PING.
 * Plain RESP over a socket: no client library, no reconnect loop to tear down.
 */
export function isRedisUp(url: string, timeoutMs = 2000): Promise<boolean> {
  const u = new URL(url);
  const commands: string[][] = [];
  if (u.password) {
    const user = decodeURIComponent(u.username);
    const pass = decodeURIComponent(u.password);
    commands.push(user ? ['AUTH', user, pass] : ['AUTH', pass]);
  }
  commands.push(['PING']);
  const payload = commands.map(resp).join('');
  return new Promise((resolve) => {
    const socket = connect({ host: u.hostname || '127.0.0.1', port: Number(u.port || 6379) });
    let received = '';
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write(payload));
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (received.startsWith('-')) done(false);
      else if (received.includes('+PONG\r\n')) done(true);
    });
    socket.once('end', () => done(false));
  });
}

function resp(args: string[]): string {
  return `*${args.length}\r\n` + args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('');
}

/**
 * Starts `redis-server` as a child process on 127.0.0.1:`port`, configured as BullMQ needs it
 * (noeviction, append-only file under `dataDir`). Reuses a server that already answers there.
 */
export async function startLocalRedis(opts: LocalRedisOptions): Promise<LocalService> {
  const url = `redis://127.0.0.1:${opts.port}`;
  if (await isRedisUp(url)) return alreadyRunning(url);
  await mkdir(opts.dataDir, { recursive: true });
  return startSupervised({
    name: 'local redis',
    command: opts.redisServer ?? 'redis-server',
    args: [
      '--port',
      String(opts.port),
      '--bind',
      '127.0.0.1',
      '--dir',
      opts.dataDir,
      '--appendonly',
      'yes',
      '--maxmemory-policy',
      'noeviction',
    ],
    url,
    isUp: () => isRedisUp(url),
    startTimeoutMs: opts.startTimeoutMs ?? 15_000,
    stopTimeoutMs: 15_000,
    logger: opts.logger,
  });
}

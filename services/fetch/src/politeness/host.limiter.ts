import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

export type HostSlot = { granted: true; release(): Promise<void> } | { granted: false; /** Try again after this long. */ waitMs: number };

export interface HostLimiter {
  /**
   * Takes one of the host's slots if it has one free and its rate allows a request now; never
   * waits. `waiter` names the caller (the job id) so repeated refusals keep one place in line.
   */
  acquire(host: string, waiter: string, minIntervalMs?: number | null): Promise<HostSlot>;
  /** Holds the host's next request back (a 429 or 503 with Retry-After). */
  pushBack(host: string, ms: number): Promise<void>;
}

export interface HostLimiterOptions {
  redis: Redis;
  prefix: string;
  /** Requests in flight per host, across every worker. */
  concurrency: number;
  /** Requests started per second per host, across every worker. */
  ratePerSecond: number;
  /** A slot a crashed worker never released frees itself after this long (the fetch deadline and some). */
  leaseMs: number;
  /** Shortest wait handed out, so refused jobs do not spin on a busy host; 25 ms when omitted. */
  minWaitMs?: number;
}

// One atomic step per attempt, on Redis' clock (workers' clocks may differ):
//   KEYS[1] busy: sorted set of leases, scored by expiry (a crashed worker's lease lapses);
//   KEYS[2] next: when the next request may start (the rate, or a server's Retry-After);
//   KEYS[3] line: sorted set of refused callers by the time they were told to come back, so
//           a crowd of jobs for one host spreads out instead of retrying all at once.
// ARGV: limit, intervalMs, leaseMs, leaseId, waiter, minWaitMs. Returns {1, 0} or {0, waitMs}.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit, interval, lease, minWait = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[6])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - 5000)
redis.call('ZREM', KEYS[3], ARGV[5])
local busy = redis.call('ZCARD', KEYS[1])
local nextAt = tonumber(redis.call('GET', KEYS[2]) or '0')
if busy < limit and nextAt <= now then
  redis.call('ZADD', KEYS[1], now + lease, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], lease)
  if interval > 0 then redis.call('SET', KEYS[2], now + interval, 'PX', interval) end
  return {1, 0}
end
local spacing = math.max(interval, minWait)
local at = math.max(nextAt, now + minWait)
local tail = redis.call('ZRANGE', KEYS[3], -1, -1, 'WITHSCORES')
if tail[2] then at = math.max(at, tonumber(tail[2]) + spacing) end
redis.call('ZADD', KEYS[3], at, ARGV[5])
redis.call('PEXPIRE', KEYS[3], at - now + 10000)
return {0, at - now}
`;

const PUSH_BACK = `
local t = redis.call('TIME')
local at = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[1])
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
if at > nextAt then redis.call('SET', KEYS[1], at, 'PX', tonumber(ARGV[1])) end
return 1
`;

/**
 * Per-host politeness shared by every fetch worker through Redis: at most `concurrency`
 * requests in flight and `ratePerSecond` starts per second per host (a robots.txt crawl-delay
 * spaces them further). Refusals come with a wait, so the caller can put its job aside and
 * serve other hosts instead of sleeping.
 */
export function createHostLimiter(options: HostLimiterOptions): HostLimiter {
  const { redis, prefix, concurrency, leaseMs } = options;
  const rateIntervalMs = 1000 / options.ratePerSecond;
  const minWaitMs = options.minWaitMs ?? 25;
  const keys = (host: string) => {
    const base = `${prefix}:host:${host.toLowerCase()}`;
    return [`${base}:busy`, `${base}:next`, `${base}:line`] as const;
  };

  return {
    async acquire(host, waiter, minIntervalMs) {
      const intervalMs = Math.ceil(Math.max(rateIntervalMs, minIntervalMs ?? 0));
      const leaseId = randomUUID();
      const [busy, next, line] = keys(host);
      const [granted, waitMs] = (await redis.eval(ACQUIRE, 3, busy, next, line, concurrency, intervalMs, leaseMs, leaseId, waiter, minWaitMs)) as [number, number];
      if (granted !== 1) return { granted: false, waitMs };
      let released = false;
      return {
        granted: true,
        async release() {
          if (released) return;
          released = true;
          await redis.zrem(busy, leaseId);
        },
      };
    },
    async pushBack(host, ms) {
      if (!(ms > 0)) return;
      await redis.eval(PUSH_BACK, 1, keys(host)[1], Math.ceil(ms));
    },
  };
}

import { createHash, randomUUID } from 'node:crypto';
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
  /**
   * The caller first in line whose turn has come waits this long in place rather than being
   * set aside again (which costs a trip through the queue and lets the gap grow); 100 ms when
   * omitted, 0 to never wait. Only one caller per host is ever first.
   */
  inlineWaitMs?: number;
  /**
   * Brings a waiter set aside for a later turn back sooner (its job is delayed until then): when
   * the host answers faster than it did when the turns were handed out, the line is re-spaced
   * and the waiters whose turns moved up are woken through this (the fetch service changes their
   * jobs' delay). Without it they keep their old turns. Failures are ignored: the waiter still
   * comes back at its old turn.
   */
  wake?: (waiter: string, waitMs: number) => Promise<void>;
  /** How many waiters at the front of a host's line a release re-spaces; 16 when omitted. */
  respaceMax?: number;
}

// One atomic step per attempt, on Redis' clock (workers' clocks may differ). Per host:
//   busy  sorted set of leases scored by expiry: the requests in flight (a crashed worker's
//         lease lapses by itself);
//   gate  no request starts before this: the last start plus the interval, or a server's
//         Retry-After;
//   next  the end of the schedule: refused callers are each given a turn, one spacing after
//         the previous turn, so a crowd of jobs for one host comes back one by one rather than
//         all at once;
//   line  the callers holding a turn, scored by it: their order;
//   back  the same callers scored by when they were told to come back (their turn, or later
//         when the host was busy at their turn, or sooner once the line was re-spaced);
//   took  how long the host's requests hold a slot (a moving average).
// The spacing is the interval, or the request time per slot when slots are the bottleneck. It is
// worked out afresh from `took` at every step: when a turn comes due and the host is busy (the
// wait is the callers ahead times today's spacing) and when a request ends (RELEASE re-spaces the
// front of the line), so a host that was slow for a while does not keep its backlog spaced for it.
// ARGV: limit, intervalMs, leaseMs, leaseId, waiter, minWaitMs. Returns {1, 0} or
// {0, waitMs, first}, first = 1 when the caller is the next in line and its turn has come.
const ACQUIRE = `
local busyKey, gateKey, nextKey, lineKey, tookKey, backKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit, interval, lease, waiter, minWait = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[5], tonumber(ARGV[6])
redis.call('ZREMRANGEBYSCORE', busyKey, '-inf', now)
-- A caller not back within a minute of when it was told to come went away (a bounded sweep).
for _, gone in ipairs(redis.call('ZRANGEBYSCORE', lineKey, '-inf', now - 60000, 'LIMIT', 0, 100)) do
  local b = tonumber(redis.call('ZSCORE', backKey, gone) or '0')
  if b < now - 60000 then
    redis.call('ZREM', lineKey, gone)
    redis.call('ZREM', backKey, gone)
  end
end
local busy = redis.call('ZCARD', busyKey)
local gate = tonumber(redis.call('GET', gateKey) or '0')
local nextAt = tonumber(redis.call('GET', nextKey) or '0')
-- Until the host's requests have been timed, assume a typical page fetch.
local took = tonumber(redis.call('GET', tookKey) or '200')
local turn = tonumber(redis.call('ZSCORE', lineKey, waiter) or '-1')
local backAt = tonumber(redis.call('ZSCORE', backKey, waiter) or tostring(turn))
local spacing = math.max(interval, math.ceil(took / limit), 1)

local function keep(key, at)
  -- Only ever lengthened: the line must outlive its last turn.
  if redis.call('PTTL', key) < at - now + 60000 then redis.call('PEXPIRE', key, at - now + 60000) end
end
local function grant()
  redis.call('ZREM', lineKey, waiter)
  redis.call('ZREM', backKey, waiter)
  redis.call('ZADD', busyKey, now + lease, ARGV[4])
  redis.call('PEXPIRE', busyKey, lease)
  if interval > 0 then redis.call('SET', gateKey, now + interval, 'PX', interval) end
  return {1, 0}
end
local function wait(at)
  at = math.max(at, now + 1)
  redis.call('ZADD', lineKey, at, waiter)
  redis.call('ZADD', backKey, at, waiter)
  keep(lineKey, at)
  keep(backKey, at)
  return {0, at - now}
end
-- When a slot should free up: the oldest request's start plus the usual request time.
local function slotFreeAt()
  local oldest = redis.call('ZRANGE', busyKey, 0, 0, 'WITHSCORES')
  return math.max(tonumber(oldest[2]) - lease + took, now + minWait)
end

-- (50 ms early still counts: the job's delay was set on the worker's clock.)
if turn >= 0 and backAt <= now + 50 then
  -- Back for its turn: it goes as soon as the gate is open and a slot is free. If not yet,
  -- the callers whose turns have come wait in the order of their turns (each keeps its turn),
  -- rather than all coming back at the same moment, spaced by the host's request time now.
  local at = gate
  if busy >= limit then at = math.max(at, slotFreeAt()) end
  if at <= now then return grant() end
  local ahead = redis.call('ZCOUNT', lineKey, '-inf', '(' .. turn)
  local back = at + ahead * spacing
  redis.call('ZADD', backKey, back, waiter)
  keep(backKey, back)
  keep(lineKey, back)
  return {0, back - now, ahead == 0 and 1 or 0}
end
if turn >= 0 then return {0, backAt - now} end
if busy < limit and gate <= now and nextAt <= now then return grant() end
local at = math.max(gate, nextAt, now + minWait)
if busy >= limit then at = math.max(at, slotFreeAt()) end
redis.call('SET', nextKey, at + spacing, 'PX', at + spacing - now + 60000)
return wait(at)
`;

const PUSH_BACK = `
local t = redis.call('TIME')
local at = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[1])
local gate = tonumber(redis.call('GET', KEYS[1]) or '0')
if at > gate then redis.call('SET', KEYS[1], at, 'PX', tonumber(ARGV[1])) end
return 1
`;

// A request has ended: its slot is free and its time goes into the host's average. With that
// average, the front of the line is spaced again: a caller told to come back later than today's
// spacing would have it (by more than a margin: the interval, or up to 100 ms of the spacing)
// gets the earlier time, and is returned to be woken. ARGV: leaseId, tookMs, limit, intervalMs, minWaitMs, respaceMax. Returns {waiter,
// waitMs, …} for the callers moved up.
const RELEASE = `
local busyKey, gateKey, nextKey, lineKey, tookKey, backKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local sample, limit, interval, minWait, most = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
redis.call('ZREM', busyKey, ARGV[1])
local old = tonumber(redis.call('GET', tookKey) or ARGV[2])
local took = math.floor(old * 0.8 + sample * 0.2)
redis.call('SET', tookKey, took, 'PX', 3600000)
local spacing = math.max(interval, math.ceil(took / limit), 1)
local woken = {}
if most <= 0 then return woken end
local line = redis.call('ZRANGE', lineKey, 0, most - 1)
if #line == 0 then return woken end
-- A slot is free now: the first caller may go once the gate opens, each next one a spacing later.
local due = math.max(tonumber(redis.call('GET', gateKey) or '0'), now + minWait)
-- Moved up only when it saves more than this: a waiter about on time is left alone.
local margin = math.max(interval, math.min(spacing, 100))
for _, w in ipairs(line) do
  local back = tonumber(redis.call('ZSCORE', backKey, w) or redis.call('ZSCORE', lineKey, w))
  if back > due + margin then
    redis.call('ZADD', backKey, due, w)
    table.insert(woken, w)
    table.insert(woken, due - now)
  elseif back > due then
    due = back
  end
  due = due + spacing
end
-- The whole line was re-spaced: newcomers may start right behind it.
if #woken > 0 and redis.call('ZCARD', lineKey) <= most then
  local nextAt = tonumber(redis.call('GET', nextKey) or '0')
  if nextAt > due then redis.call('SET', nextKey, due, 'PX', due - now + 60000) end
end
return woken
`;

/**
 * Per-host politeness shared by every fetch worker through Redis: at most `concurrency`
 * requests in flight and `ratePerSecond` starts per second per host (a robots.txt crawl-delay
 * spaces them further). Refusals come with a wait, so the caller can put its job aside and
 * serve other hosts instead of sleeping (bar the short wait of the one caller first in line).
 */
export function createHostLimiter(options: HostLimiterOptions): HostLimiter {
  const { redis, prefix, concurrency, leaseMs } = options;
  // EVALSHA: the scripts are sent once per Redis server rather than with every job.
  const shas = new Map<string, string>();
  const run = async (lua: string, keys: string[], args: (string | number)[]): Promise<unknown> => {
    let sha = shas.get(lua);
    if (sha === undefined) shas.set(lua, (sha = createHash('sha1').update(lua).digest('hex')));
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!String((err as Error).message).startsWith('NOSCRIPT')) throw err;
      return redis.eval(lua, keys.length, ...keys, ...args);
    }
  };
  const rateIntervalMs = 1000 / options.ratePerSecond;
  const minWaitMs = options.minWaitMs ?? 25;
  const inlineWaitMs = options.inlineWaitMs ?? 100;
  const respaceMax = options.wake ? (options.respaceMax ?? 16) : 0;
  const keys = (host: string) => {
    const base = `${prefix}:host:${host.toLowerCase()}`;
    return [`${base}:busy`, `${base}:gate`, `${base}:next`, `${base}:line`, `${base}:took`, `${base}:back`];
  };

  return {
    async acquire(host, waiter, minIntervalMs) {
      const intervalMs = Math.ceil(Math.max(rateIntervalMs, minIntervalMs ?? 0));
      const leaseId = randomUUID();
      const k = keys(host);
      for (let tries = 1; ; tries++) {
        const [granted, waitMs, first] = (await run(ACQUIRE, k, [concurrency, intervalMs, leaseMs, leaseId, waiter, minWaitMs])) as [
          number,
          number,
          number?,
        ];
        if (granted === 1) break;
        if (first !== 1 || waitMs > inlineWaitMs || tries >= 3) return { granted: false, waitMs };
        await new Promise((r) => setTimeout(r, waitMs));
      }
      const grantedAt = Date.now();
      let released = false;
      return {
        granted: true,
        async release() {
          if (released) return;
          released = true;
          const woken = (await run(RELEASE, k, [leaseId, Date.now() - grantedAt, concurrency, intervalMs, minWaitMs, respaceMax])) as (
            string | number
          )[];
          const wake = options.wake;
          if (!wake || woken.length === 0) return;
          const calls: Promise<void>[] = [];
          for (let i = 0; i + 1 < woken.length; i += 2) calls.push(wake(String(woken[i]), Math.max(1, Number(woken[i + 1]))));
          await Promise.allSettled(calls);
        },
      };
    },
    async pushBack(host, ms) {
      if (!(ms > 0)) return;
      await run(PUSH_BACK, [keys(host)[1]!], [Math.ceil(ms)]);
    },
  };
}

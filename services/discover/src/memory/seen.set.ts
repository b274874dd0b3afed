import type { Redis } from 'ioredis';

/** A URL a source listed, by its article id, with the date that says it changed. */
export interface Listed {
  id: string;
  changedAt: number | null;
}

/** `new`: never enqueued from this source; `moved`: enqueued before, its date later now; `seen`: nothing to do. */
export type Verdict = 'new' | 'moved' | 'seen';

/**
 * What a source has already enqueued, in Redis, bounded: a sorted set of article ids scored by
 * when the source last listed them, and a hash of the date each had when it was enqueued. Past
 * `max` ids, the ones listed longest ago are forgotten first: URLs a feed dropped long ago, not
 * the ones it still lists (every poll refreshes those).
 */
export interface SeenSet {
  /** Verdicts in the order given; the ids already seen are marked as listed now. */
  classify(listed: readonly Listed[]): Promise<Verdict[]>;
  /** Remembers enqueued URLs with their dates, then trims the set to `max`. */
  remember(listed: readonly Listed[]): Promise<void>;
}

// KEYS: seen, dates. ARGV: now, then id, date ('' for none) pairs. A date learnt for a URL first
// listed without one is kept silently: only a later date than the known one is a move.
const CLASSIFY = `
local now, out = ARGV[1], {}
for i = 2, #ARGV, 2 do
  local id, at = ARGV[i], ARGV[i + 1]
  if redis.call('ZSCORE', KEYS[1], id) == false then
    out[#out + 1] = 0
  else
    redis.call('ZADD', KEYS[1], 'XX', now, id)
    local verdict = 2
    if at ~= '' then
      local old = redis.call('HGET', KEYS[2], id)
      if old == false then redis.call('HSET', KEYS[2], id, at)
      elseif tonumber(at) > tonumber(old) then verdict = 1 end
    end
    out[#out + 1] = verdict
  end
end
return out
`;

// KEYS: seen, dates, the source's record. ARGV: now, max, then id, date pairs. Nothing is
// written for a source removed while it was being polled: its keys would outlive it.
const REMEMBER = `
if redis.call('EXISTS', KEYS[3]) == 0 then return 0 end
local now, max = ARGV[1], tonumber(ARGV[2])
for i = 3, #ARGV, 2 do
  redis.call('ZADD', KEYS[1], now, ARGV[i])
  if ARGV[i + 1] ~= '' then redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
end
local excess = redis.call('ZCARD', KEYS[1]) - max
if excess > 0 then
  local gone = redis.call('ZPOPMIN', KEYS[1], excess)
  for i = 1, #gone, 2 do redis.call('HDEL', KEYS[2], gone[i]) end
end
return excess
`;

const VERDICTS: Verdict[] = ['new', 'moved', 'seen'];
// Each script call carries at most this many URLs: Redis runs it in one go, others wait.
const BATCH = 500;

export function createSeenSet(redis: Redis, keys: { seen: string; lastmod: string; record: string }, max: number): SeenSet {
  const args = (listed: readonly Listed[]) => listed.flatMap((l) => [l.id, l.changedAt === null ? '' : String(l.changedAt)]);
  return {
    async classify(listed) {
      const out: Verdict[] = [];
      for (let i = 0; i < listed.length; i += BATCH) {
        const codes = (await redis.eval(CLASSIFY, 2, keys.seen, keys.lastmod, Date.now(), ...args(listed.slice(i, i + BATCH)))) as number[];
        out.push(...codes.map((c) => VERDICTS[c] ?? 'seen'));
      }
      return out;
    },
    async remember(listed) {
      for (let i = 0; i < listed.length; i += BATCH) {
        await redis.eval(REMEMBER, 3, keys.seen, keys.lastmod, keys.record, Date.now(), max, ...args(listed.slice(i, i + BATCH)));
      }
    },
  };
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_URL_LENGTH, resolveUrlInput } from '@newsflow/contracts';
import { closeQueueSet, createQueueSet, type QueueSet } from '@newsflow/runtime';
import { jsonLines, runCli } from '../support/cli';
import { TEST_REDIS_URL, TEST_SEARCH_FLAVOR, TEST_SEARCH_URL, uniqueName, wipeRedisPrefix } from '../support/services';

// Issue 16, item 1: one over-long line in a batch must cost that line only — refused with its
// line number before any in-flight marker is taken — while the rest are enqueued as usual.

const GOOD = ['https://news.example.com/a/1', 'https://news.example.com/a/2', 'https://news.example.com/a/3'];
const TOO_LONG = `https://news.example.com/${'a'.repeat(MAX_URL_LENGTH)}`;
/** Under the limit as typed; each "é" becomes "%C3%A9" once normalised, well past it. */
const GROWS = `https://news.example.com/${'é'.repeat(2000)}`;
const HOSTILE = '\u001b]0;pwned\u0007\u001b[2Jhttps://news.example.com/x';

const BATCH = [
  "# today's list", //   1
  GOOD[0], //            2
  TOO_LONG, //           3
  '', //                 4
  GOOD[1], //            5
  GROWS, //              6
  'mailto:someone@example.com', // 7: invalid, queued to fail with its reason
  HOSTILE, //            8: invalid too
  GOOD[2], //            9
  GOOD[0], //            10: the same article again
].join('\n');

const idOf = (line: string) => resolveUrlInput(line).id;

describe('newsflow enqueue: a batch with lines no job can carry', () => {
  const prefixes: string[] = [];
  let redis: Redis;
  const opened: QueueSet[] = [];

  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 2 });
  });
  afterAll(async () => {
    for (const q of opened) await closeQueueSet(q);
    redis.disconnect();
    for (const p of prefixes) await wipeRedisPrefix(p);
  });

  const envFor = () => {
    const prefix = uniqueName('enq');
    prefixes.push(prefix);
    // The index is never created: `status` finds no document there, as for a new install.
    const search = { SEARCH_URL: TEST_SEARCH_URL, SEARCH_FLAVOR: TEST_SEARCH_FLAVOR, SEARCH_INDEX: uniqueName('idx') };
    return { prefix, env: { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, ...search } };
  };
  const queuesFor = (prefix: string) => {
    const q = createQueueSet(redis, prefix);
    opened.push(q);
    return q;
  };

  /** Every in-flight marker under the prefix has its fetch job: none was left behind. */
  async function expectEveryMarkerBacked(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}:inflight:*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...found);
    } while (cursor !== '0');
    const queues = queuesFor(prefix);
    const ids = keys.map((k) => k.slice(`${prefix}:inflight:`.length));
    const jobs = await Promise.all(ids.map((id) => queues.fetch.getJob(id)));
    expect(ids.filter((_, i) => !jobs[i])).toEqual([]);
    return ids;
  }

  it('refuses those lines by number on stderr, enqueues the rest, sums up, and exits 1', async () => {
    const { prefix, env } = envFor();
    const file = join(mkdtempSync(join(tmpdir(), 'nf-batch-')), 'urls.txt');
    writeFileSync(file, BATCH);
    const r = await runCli(['enqueue', '--file', file], env);

    expect(r.code).toBe(1);
    const errLines = r.stderr.trim().split('\n');
    expect(errLines).toHaveLength(3);
    expect(errLines[0]).toMatch(new RegExp(`^${file}:3: refused: the URL is ${TOO_LONG.length} characters long.*${MAX_URL_LENGTH}`));
    expect(errLines[1]).toMatch(new RegExp(`^${file}:6: refused: the URL is \\d+ characters long once normalised`));
    expect(errLines[2]).toBe(
      'enqueued 5 URL(s), 1 already in progress, 2 invalid (queued to fail with a reason), 2 refused (not enqueued)',
    );
    expect(r.stderr).not.toMatch(/ZodError|too_big|"code"/);

    const out = r.stdout.trim().split('\n');
    expect(out).toHaveLength(6);
    for (const url of GOOD) expect(out.filter((l) => l.startsWith(`${idOf(url)}\t${url}\t`))).not.toHaveLength(0);
    expect(out.filter((l) => l.endsWith('\tqueued'))).toHaveLength(3);
    expect(out.filter((l) => l.endsWith('\talready in progress'))).toEqual([`${idOf(GOOD[0]!)}\t${GOOD[0]}\talready in progress`]);
    expect(out.filter((l) => l.includes('\twill fail: '))).toHaveLength(2);
    // The hostile line is printed escaped: nothing of it reaches the terminal as a control.
    expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);

    const queues = queuesFor(prefix);
    for (const url of [...GOOD, 'mailto:someone@example.com', HOSTILE]) expect(await queues.fetch.getJob(idOf(url))).toBeDefined();
    expect(await queues.fetch.getJobCountByTypes('waiting', 'delayed', 'active', 'completed', 'failed')).toBe(5);
    expect((await expectEveryMarkerBacked(prefix)).sort()).toEqual([...GOOD, 'mailto:someone@example.com', HOSTILE].map(idOf).sort());
  });

  it('leaves nothing behind for a refused line: enqueued again it is refused again, and status knows nothing of it', async () => {
    const { env } = envFor();
    const first = await runCli(['enqueue', GOOD[0]!, GROWS], env);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/^argument 2: refused: .*once normalised/m);

    const again = await runCli(['enqueue', GROWS], env);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/^argument 1: refused: /m);
    // Not "already in progress": the first run took no marker for it.
    expect(again.stderr).toMatch(/enqueued 0 URL\(s\), 0 already in progress, 0 invalid .*, 1 refused/);

    const status = await runCli(['status', GROWS], env);
    expect(status.code).toBe(1);
    expect(status.stderr).toMatch(/^no article for /);
    const good = await runCli(['status', GOOD[0]!, '--json'], env);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ id: idOf(GOOD[0]!), state: 'queued' });
  }, 120_000);

  it('reads standard input the same way, numbering its lines', async () => {
    const { prefix, env } = envFor();
    const r = await runCli(['enqueue', '-'], env, BATCH);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^stdin:3: refused: /m);
    expect(r.stderr).toMatch(/^stdin:6: refused: /m);
    expect(r.stderr).toMatch(/enqueued 5 URL\(s\), 1 already in progress, 2 invalid .*, 2 refused \(not enqueued\)$/m);
    await expectEveryMarkerBacked(prefix);
  });

  it('with --json, says each refused line on stdout too, beside the enqueued ones', async () => {
    const { env } = envFor();
    const r = await runCli(['enqueue', '--json', '-'], env, BATCH);
    expect(r.code).toBe(1);
    const records = jsonLines<{ where?: string; line?: number; outcome: string; error?: string; id?: string }>(r.stdout);
    expect(records.filter((x) => x.outcome === 'refused').map((x) => x.line)).toEqual([3, 6]);
    expect(records.filter((x) => x.outcome === 'queued')).toHaveLength(5);
    expect(r.stderr).toMatch(/^stdin:3: refused: /m);
  });

  it('a good batch still exits 0 (an invalid URL is queued to fail, not refused)', async () => {
    const { env } = envFor();
    const r = await runCli(['enqueue', '-'], env, `${GOOD.join('\n')}\nmailto:x@example.com\n`);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('enqueued 4 URL(s), 0 already in progress, 1 invalid (queued to fail with a reason), 0 refused (not enqueued)\n');
  });

  it('a batch of random hostile lines loses no good line and leaves no marker without its job', async () => {
    const { prefix, env } = envFor();
    const random = seeded(20261202);
    const lines: string[] = [];
    const good: string[] = [];
    for (let i = 0; i < 300; i++) {
      const kind = random() * 6;
      if (kind < 2) {
        const url = `https://site${Math.floor(random() * 5)}.example.com/story/${i}?q=${Math.floor(random() * 1e6)}`;
        good.push(url);
        lines.push(url);
      } else if (kind < 3) {
        lines.push(`https://x.example.com/${'b'.repeat(MAX_URL_LENGTH - 10 + Math.floor(random() * 40))}`);
      } else if (kind < 4) {
        lines.push(`https://x.example.com/${'ü'.repeat(1300 + Math.floor(random() * 400))}`);
      } else {
        lines.push(
          Array.from({ length: 1 + Math.floor(random() * 60) }, () => String.fromCharCode(1 + Math.floor(random() * 0x2fff))).join(''),
        );
      }
    }
    const r = await runCli(['enqueue', '--json', '-'], env, lines.join('\n'));
    expect([0, 1]).toContain(r.code);
    const records = jsonLines<{ outcome: string; id?: string; url?: string }>(r.stdout);
    const enqueued = new Set(records.filter((x) => x.id).map((x) => x.id));
    expect(good.map(idOf).filter((id) => !enqueued.has(id))).toEqual([]);
    const queues = queuesFor(prefix);
    for (const id of new Set(good.map(idOf))) expect(await queues.fetch.getJob(id)).toBeDefined();
    await expectEveryMarkerBacked(prefix);
  });
});

/** A small seeded generator (mulberry32): the same "random" batch on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

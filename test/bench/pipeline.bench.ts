// The whole pipeline against what its parts allow: real pages served from loopback hosts, every
// stage as its own `newsflow start <stage>` process on the real Redis, the local engine and the
// NLP server, with its own queue prefix and index alias (deleted at the end).
// usage: npm run bench:pipeline -- DIR [--copies N] [--urls N] [--hosts N] [--env KEY=VALUE …] [--profile DIR] [--no-floor]
//   DIR laid out like shared/datasets/article-extraction-dev (html/<id>.html.gz); each page is
//   served under N distinct paths (--copies, default 3), up to --urls URLs in all; --env gives
//   every stage process a setting (e.g. --env EXTRACT_CONCURRENCY=2), to compare settings;
//   --profile writes a V8 CPU profile of every stage process and thread there (node --cpu-prof);
//   --no-floor skips the minute-later reading of what Redis holds (for quick comparisons).
// Prints: documents/s end to end; CPU per document of each process (from /proc: the four stages,
// Redis, the engine and the NLP server); the ideal (cores ÷ CPU per document of extraction plus
// enrichment alone, measured first on the same pages) and the ratio; each stage's p50/p95 time
// and queue wait; peak RSS per process; Redis memory per article in flight.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { QUEUES } from '@newsflow/contracts';
import { extractArticle } from '@newsflow/extraction';
import { createCoreNlpEngine, enrichArticle } from '@newsflow/nlp';
import { createChaosRun } from '../chaos/support/chaos-run';
import { startSiteServer } from '../support/fetch-test-kit';
import { findProcess, memoryMbOf, treeCpuMs } from '../support/proc-stats';
import { TEST_NLP_URL, TEST_REDIS_URL, TEST_SEARCH_URL } from '../support/services';
import { STAGE_NAMES } from '../support/stage-process';
import { watchStageTimings, type StageTimingsWatch } from './stage-timings';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive whole number`);
  return v;
};
const dir = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
const stageEnv = Object.fromEntries(
  argv.flatMap((a, i) => (a === '--env' && argv[i + 1]?.includes('=') ? [argv[i + 1]!.split(/=(.*)/s).slice(0, 2)] : [])),
) as Record<string, string>;
const profileAt = argv.indexOf('--profile');
const profileDir = profileAt >= 0 ? argv[profileAt + 1] : undefined;
if (!dir || (profileAt >= 0 && !profileDir)) {
  console.error(
    'usage: npm run bench:pipeline -- DIR [--copies N] [--urls N] [--hosts N] [--env KEY=VALUE …] [--profile DIR] [--no-floor]',
  );
  process.exit(2);
}
const copies = option('copies', 3);
const hosts = option('hosts', 8);
const pages = readdirSync(join(dir, 'html'))
  .filter((f) => f.endsWith('.html.gz'))
  .sort()
  .map((f) => ({ id: f.replace(/\.html\.gz$/, ''), html: gunzipSync(readFileSync(join(dir, 'html', f))).toString('utf8') }));
const urlCount = Math.min(option('urls', pages.length * copies), pages.length * copies);
const cores = availableParallelism();
const fmt = (x: number, d = 1): string => x.toFixed(d);
/** The machine's CPU time since `from` (all cores, from /proc/stat): busy and idle, in ms. */
function machineCpuMs(from?: { busy: number; idle: number }): { busy: number; idle: number } {
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0); // idle + iowait
  const busy = ticks.slice(0, 8).reduce((a, b) => a + b, 0) - idle; // user … steal, not guest (counted in user)
  const tickMs = 10; // USER_HZ is 100 on Linux
  return { busy: busy * tickMs - (from?.busy ?? 0), idle: idle * tickMs - (from?.idle ?? 0) };
}
const quantile = (xs: number[], q: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

// 1. The parts alone, on the same pages: extraction in this process, enrichment on the NLP server.
const nlp = createCoreNlpEngine({ url: TEST_NLP_URL, timeoutMs: 120_000 });
const nlpPid = findProcess('StanfordCoreNLPServer', new URL(TEST_NLP_URL).port || '9000') ?? findProcess('StanfordCoreNLPServer');
const extractAll = async (): Promise<string[]> => {
  const texts: string[] = [];
  for (const p of pages) {
    // one page a task, as in an extraction thread: V8 keeps what a task makes weakly referenced
    // (jsdom's node iterators) until the task ends
    await new Promise((r) => setImmediate(r));
    try {
      texts.push(extractArticle(p.html, { url: `https://example.com/${p.id}`, dom: 'linkedom' }).text);
    } catch {
      texts.push('');
    }
  }
  return texts;
};
/**
 * CPU per document of extraction and enrichment alone, each after a whole warm-up pass (a cold
 * JIT, here or in a just-started NLP server, would flatter the ratio). Measured before and after
 * the run: on a shared machine one reading can be far off (35.6 and 67.8 ms for the same
 * extraction in two runs of one afternoon), and the ideal takes the lower of each, the parts at
 * their best, so that the ratio errs low.
 */
const measureAlone = async (): Promise<{ extractMs: number; enrichMs: number }> => {
  await extractAll();
  let c0 = process.cpuUsage();
  const texts = await extractAll();
  let used = process.cpuUsage(c0);
  const extractMs = (used.user + used.system) / 1000 / pages.length;
  for (const t of texts) await enrichArticle(t, nlp);
  const s0 = treeCpuMs(nlpPid);
  c0 = process.cpuUsage();
  for (const t of texts) await enrichArticle(t, nlp);
  used = process.cpuUsage(c0);
  return { extractMs, enrichMs: ((used.user + used.system) / 1000 + (treeCpuMs(nlpPid) - s0)) / texts.length };
};
const aloneBefore = await measureAlone();
console.log(
  `pages: ${pages.length}, URLs: ${urlCount} (${copies} paths a page), ${hosts} hosts, ${cores} cores${Object.keys(stageEnv).length ? `, stages with ${JSON.stringify(stageEnv)}` : ''}`,
);
console.log(
  `alone, before the run: extraction ${fmt(aloneBefore.extractMs)} ms CPU/page, enrichment ${fmt(aloneBefore.enrichMs)} ms CPU/article (NLP server included)`,
);

// 2. The system: each stage its own process, pages from loopback hosts.
const pageBytes = new Map(pages.map((p) => [p.id, Buffer.from(p.html, 'utf8')]));
const site = await startSiteServer(
  Array.from({ length: hosts }, (_, i) => `127.0.0.${i + 2}`),
  (_req, res, path) => {
    const m = /^\/c(\d+)\/([0-9a-f]+)\.html$/.exec(path);
    // (bytes encoded once: the server is the benchmark's, its CPU is not newsflow's)
    const bytes = m ? pageBytes.get(m[2]!) : undefined;
    if (!bytes) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': bytes.length }).end(bytes);
  },
);
const urls = Array.from({ length: urlCount }, (_, i) => {
  const page = pages[i % pages.length]!;
  const copy = Math.floor(i / pages.length);
  return `${site.origins[i % hosts]}/c${copy}/${page.id}.html`;
});
// the stages as production runs them: compiled JavaScript, built first
const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('npm run build failed');
const run = await createChaosRun({
  scenario: 'bench-pipeline',
  redisUrl: TEST_REDIS_URL,
  searchUrl: TEST_SEARCH_URL,
  env: stageEnv,
  compiled: true,
  watchStalls: false,
  ...(profileDir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] } : {}),
});
let watch: StageTimingsWatch | null = null;
try {
  await run.startAll();
  watch = await watchStageTimings(TEST_REDIS_URL, run.prefix, Object.fromEntries(STAGE_NAMES.map((s) => [s, QUEUES[s]])));
  const redisPid = Number(/process_id:(\d+)/.exec(await run.redis.info('server'))?.[1] ?? 0);
  const nodes = (await (await fetch(`${TEST_SEARCH_URL}/_nodes/_local/process`)).json()) as {
    nodes: Record<string, { process: { id: number } }>;
  };
  const enginePid = Object.values(nodes.nodes)[0]?.process.id ?? null;
  const pids: Record<string, number | null | undefined> = {
    ...Object.fromEntries(STAGE_NAMES.map((s) => [s, run.stages[s].pid()])),
    redis: redisPid,
    engine: enginePid,
    nlp: nlpPid,
  };
  const cpuBefore = Object.fromEntries(Object.entries(pids).map(([k, p]) => [k, treeCpuMs(p)]));
  const harnessBefore = process.cpuUsage();
  const machineBefore = machineCpuMs();
  const memBefore = Number(/used_memory:(\d+)/.exec(await run.redis.info('memory'))?.[1] ?? 0);
  const commandsBefore = parseCommandStats(await run.redis.info('commandstats'));
  let peakInFlight = 0;
  let peakMem = memBefore;
  const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await run.redis.info('memory'))?.[1] ?? 0);
  // Steadiness: docs/s over each stretch of `step` documents (each thousand from 2,000 URLs on),
  // with Redis' memory and the articles in flight when the stretch ended.
  const step = urlCount >= 2000 ? 1000 : Math.max(50, Math.round(urlCount / 5));
  const marks: { docs: number; at: number; mem: number; inFlight: number }[] = [];
  const t0 = Date.now();
  await run.enqueue(urls);
  // in flight = enqueued and not yet indexed; sampled each second with Redis' memory
  let drained = false;
  while (!drained && Date.now() - t0 < 4 * 3_600_000) {
    const done = await run.documents().catch(() => 0);
    const mem = await usedMemory();
    peakInFlight = Math.max(peakInFlight, urlCount - done);
    peakMem = Math.max(peakMem, mem);
    while (done >= (marks.length + 1) * step) {
      marks.push({ docs: (marks.length + 1) * step, at: Date.now(), mem, inFlight: urlCount - done });
    }
    // (waits a second when something is left)
    drained = (await run.waitDrained(1)).drained;
  }
  const seconds = (Date.now() - t0) / 1000;
  // (read before the parts are measured again: the NLP server's CPU then is not the run's)
  const cpuAfter = Object.fromEntries(Object.entries(pids).map(([k, p]) => [k, treeCpuMs(p)]));
  const harness = process.cpuUsage(harnessBefore);
  const machine = machineCpuMs(machineBefore);
  const commandsAfter = parseCommandStats(await run.redis.info('commandstats'));
  const figures = await run.figures();
  const docs = figures.index.documents;
  const aloneAfter = await measureAlone();
  const extractMs = Math.min(aloneBefore.extractMs, aloneAfter.extractMs);
  const enrichMs = Math.min(aloneBefore.enrichMs, aloneAfter.enrichMs);
  const ideal = (cores * 1000) / (extractMs + enrichMs);
  console.log(
    `alone, after the run: extraction ${fmt(aloneAfter.extractMs)} ms CPU/page, enrichment ${fmt(aloneAfter.enrichMs)} ms CPU/article`,
  );
  console.log(
    `ideal: ${fmt(ideal)} documents/s (cores ÷ extraction + enrichment CPU per document, the lower reading of each: ${fmt(extractMs)} + ${fmt(enrichMs)} ms)`,
  );
  console.log(
    `end to end: ${docs} documents in ${fmt(seconds)} s = ${fmt(docs / seconds, 2)} documents/s (${figures.failed} failed); ${fmt((100 * docs) / seconds / ideal)}% of the ideal`,
  );
  let total = 0;
  const cpuLines: string[] = [];
  for (const name of Object.keys(pids)) {
    const ms = (cpuAfter[name]! - cpuBefore[name]!) / Math.max(1, docs);
    total += ms;
    cpuLines.push(`${name} ${fmt(ms)}`);
  }
  console.log(`CPU ms per document: ${cpuLines.join(', ')}; all ${fmt(total)}`);
  const outside = total - extractMs - enrichMs - (cpuAfter.engine! - cpuBefore.engine!) / Math.max(1, docs);
  console.log(`CPU per document outside extraction, enrichment and the engine: ${fmt(outside)} ms`);
  // What else the cores did meanwhile: this benchmark's own process (it serves every page over
  // HTTP and reads the queues' events), and everything else the machine ran (the kernel's
  // share of loopback traffic, other tenants). Neither is newsflow's, both take cores from it.
  const perDoc = (ms: number) => fmt(ms / Math.max(1, docs));
  console.log(
    `the cores' time per document: ${perDoc(machine.busy)} ms busy of ${perDoc(machine.busy + machine.idle)} (newsflow's processes ${fmt(total)}, this benchmark's page server and watchers ${perDoc((harness.user + harness.system) / 1000)}, the rest of the machine ${perDoc(machine.busy - total * docs - (harness.user + harness.system) / 1000)})`,
  );
  // Redis' own account of its time, by command: what a change to the stages' Redis traffic buys.
  // (The bench's watchers count too: an XREAD of the event streams every quarter second, a poll a second.)
  const commands = [...commandsAfter]
    .map(([name, a]) => {
      const b = commandsBefore.get(name) ?? { calls: 0, usec: 0 };
      return { name, calls: (a.calls - b.calls) / Math.max(1, docs), ms: (a.usec - b.usec) / 1000 / Math.max(1, docs) };
    })
    .filter((c) => c.calls > 0)
    .sort((x, y) => y.ms - x.ms);
  const sum = (f: (c: (typeof commands)[number]) => number) => commands.reduce((a, c) => a + f(c), 0);
  console.log(
    `Redis commands per document: ${fmt(sum((c) => c.calls))} calls, ${fmt(
      sum((c) => c.ms),
      2,
    )} ms inside Redis; most time: ${commands
      .slice(0, 8)
      .map((c) => `${c.name} ${fmt(c.calls)}× ${fmt(c.ms, 2)} ms`)
      .join(', ')}`,
  );
  await watch.stop();
  for (const s of STAGE_NAMES) {
    const t = watch.timings[s]!;
    console.log(
      `  ${s.padEnd(7)} work p50 ${quantile(t.work, 0.5)} ms p95 ${quantile(t.work, 0.95)} ms; queue wait p50 ${quantile(t.wait, 0.5)} ms p95 ${quantile(t.wait, 0.95)} ms`,
    );
  }
  console.log(
    `peak RSS MB: ${Object.entries(pids)
      .map(([k, p]) => `${k} ${memoryMbOf(p).peak}`)
      .join(', ')}`,
  );
  console.log(
    `Redis: used_memory +${fmt((peakMem - memBefore) / 1024 / 1024)} MB at peak with up to ${peakInFlight} articles in flight = ${fmt((peakMem - memBefore) / 1024 / Math.max(1, peakInFlight))} kB per article`,
  );
  const mb = (bytes: number) => fmt(bytes / 1048576);
  console.log(`each ${step} documents: documents/s, then Redis used_memory above the start and the articles still in flight when it ended`);
  marks.forEach((m, i) => {
    const from = i === 0 ? { docs: 0, at: t0 } : marks[i - 1]!;
    console.log(
      `  ${String(from.docs + 1).padStart(6)}-${String(m.docs).padEnd(6)} ${fmt(((m.docs - from.docs) * 1000) / (m.at - from.at), 2).padStart(6)} docs/s; Redis +${mb(m.mem - memBefore)} MB, ${m.inFlight} in flight`,
    );
  });
  // What is left once nothing is in flight: the story index (kept a week by design, measured by
  // what deleting it frees) and the rest (finished work kept a while: statuses, traces, blobs and
  // the latest completed jobs, each with its TTL or count).
  const drainedMem = await usedMemory();
  let storyKeys = 0;
  for await (const keys of run.redis.scanStream({ match: `${run.prefix}:story:*`, count: 1000 }) as AsyncIterable<string[]>) {
    if (keys.length) storyKeys += await run.redis.unlink(...keys);
  }
  await new Promise((r) => setTimeout(r, 1000)); // unlink frees in the background
  const withoutStories = await usedMemory();
  console.log(
    `Redis once drained: +${mb(drainedMem - memBefore)} MB; the story index ${mb(drainedMem - withoutStories)} MB (${storyKeys} keys, ${fmt((drainedMem - withoutStories) / 1024 / Math.max(1, docs), 2)} kB a document), the rest +${mb(withoutStories - memBefore)} MB`,
  );
  // Finished work is kept a minute (DONE_STATUS_TTL_SECONDS, INDEXED_BLOB_TTL_SECONDS): what is
  // left after that is the floor a long run returns to.
  if (!argv.includes('--no-floor')) {
    await new Promise((r) => setTimeout(r, 65_000));
    console.log(`Redis a minute later, the story index gone: +${mb((await usedMemory()) - memBefore)} MB`);
  }
} finally {
  await watch?.stop().catch(() => undefined);
  await run.close();
  await site.close();
}
process.exit(0);

/** INFO commandstats as command → calls and microseconds spent (since the server started). */
function parseCommandStats(info: string): Map<string, { calls: number; usec: number }> {
  const stats = new Map<string, { calls: number; usec: number }>();
  for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+),usec=(\d+)/gm)) {
    stats.set(m[1]!, { calls: Number(m[2]), usec: Number(m[3]) });
  }
  return stats;
}

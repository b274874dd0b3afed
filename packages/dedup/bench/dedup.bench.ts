/**
 * Near-duplicate detection on a syndication set built from a folder laid out like the
 * article-extraction benchmark's (DIR/ground-truth.json: { id: { articleBody, url } }): prints
 * precision and recall of "same story" decisions (over pairs of documents) at the default
 * parameters, which copies are missed, false merges among distinct texts on one subject, and the
 * CPU per document of fingerprinting plus the look-up.
 *
 * Usage: npm run bench:dedup -- DIR [--shingle K] [--bands B] [--rows R] [--threshold T] [--sweep] [--exact] [--redis URL] [--seed N]
 *   --seed   another draw of the copies' edits and of the arrival order (2019 by default)
 *   --sweep  every combination of a small grid (shingle sizes, bands × rows, thresholds), one line each
 *   --exact  the spread of exact Jaccard similarities of copies and of distinct texts
 *   --redis  the look-up through Redis (the index stage's), under a key prefix of its own removed
 *            afterwards: also Redis' CPU and memory per document
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import {
  candidateProbability,
  createFingerprinter,
  createMemoryStoryIndex,
  createRedisStoryIndex,
  DEFAULT_STORY_PARAMS,
  shingleHashes,
  type StoryIndex,
  type StoryParams,
} from '../src/index';
import {
  buildSyndicationSet,
  sameTopicPairs,
  seededRandom,
  VARIANTS,
  type SourceText,
  type SyndicatedDoc,
  type Variant,
} from './syndication.set';

interface Args {
  dir: string;
  params: StoryParams;
  sweep: boolean;
  exact: boolean;
  redis: string | undefined;
  seed: number;
}

function parseArgs(argv: string[]): Args {
  const flag = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const valued = new Set(['--shingle', '--bands', '--rows', '--threshold', '--redis', '--seed']);
  const dir = argv.find((a, i) => !a.startsWith('--') && !valued.has(argv[i - 1] ?? ''));
  if (!dir) {
    console.error(
      'usage: npm run bench:dedup -- DIR [--shingle K] [--bands B] [--rows R] [--threshold T] [--sweep] [--exact] [--redis URL] [--seed N]',
    );
    process.exit(2);
  }
  const num = (name: string, fallback: number) => (flag(name) === undefined ? fallback : Number(flag(name)));
  return {
    dir,
    params: {
      ...DEFAULT_STORY_PARAMS,
      shingleSize: num('shingle', DEFAULT_STORY_PARAMS.shingleSize),
      bands: num('bands', DEFAULT_STORY_PARAMS.bands),
      rows: num('rows', DEFAULT_STORY_PARAMS.rows),
      threshold: num('threshold', DEFAULT_STORY_PARAMS.threshold),
    },
    sweep: argv.includes('--sweep'),
    exact: argv.includes('--exact'),
    redis: flag('redis'),
    seed: num('seed', 2019),
  };
}

function loadTexts(dir: string): SourceText[] {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  return Object.entries(truth)
    .map(([id, t]) => ({ id: id.slice(0, 8), text: t.articleBody }))
    .filter((t) => t.text.trim() !== '');
}

/** Documents arrive in no particular order: copies before their original, stories interleaved. */
function shuffled<T>(xs: T[], seed: number): T[] {
  const rng = seededRandom(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface Run {
  storyOf: Map<string, string>;
  cpuMsPerDoc: number;
  wallMs: number[];
}

async function run(
  docs: SyndicatedDoc[],
  params: StoryParams,
  index: StoryIndex = createMemoryStoryIndex({ params, maxPerBand: 16 }),
): Promise<Run> {
  const fingerprint = createFingerprinter(params);
  // Compiled once before timing, as in a long-running index worker.
  for (const d of docs.slice(0, 20)) fingerprint(d.text);
  const storyOf = new Map<string, string>();
  const wallMs: number[] = [];
  const cpu0 = process.cpuUsage();
  for (const d of docs) {
    const t0 = process.hrtime.bigint();
    const assignment = await index.assign(d.id, fingerprint(d.text));
    wallMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    storyOf.set(d.id, assignment.storyId);
  }
  const cpu = process.cpuUsage(cpu0);
  return { storyOf, cpuMsPerDoc: (cpu.user + cpu.system) / 1000 / docs.length, wallMs };
}

interface Score {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
}

/** Pairwise: every pair of documents is one "same story?" decision, judged against the set's truth. */
function score(docs: SyndicatedDoc[], storyOf: Map<string, string>): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const same = docs[i]!.story === docs[j]!.story;
      const said = storyOf.get(docs[i]!.id) === storyOf.get(docs[j]!.id);
      if (same && said) tp++;
      else if (said) fp++;
      else if (same) fn++;
    }
  }
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), tp, fp, fn };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
}

function jaccard(a: Set<number>, b: Set<number>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter || 1);
}

function exactSpread(docs: SyndicatedDoc[], k: number): void {
  const sets = docs.map((d) => new Set(shingleHashes(d.text, k)));
  const copies: number[] = [];
  const distinct: number[] = [];
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      (docs[i]!.story === docs[j]!.story ? copies : distinct).push(jaccard(sets[i]!, sets[j]!));
    }
  }
  const line = (name: string, xs: number[]) =>
    console.log(
      `  ${name.padEnd(9)} n=${String(xs.length).padStart(6)}  ${[0, 0.01, 0.05, 0.5, 0.95, 0.99, 0.999, 1].map((p) => `p${p * 100}=${percentile(xs, p === 1 ? 0.99999 : p).toFixed(3)}`).join(' ')}`,
    );
  console.log(`exact Jaccard over ${k}-shingles:`);
  line('copies', copies);
  line('distinct', distinct);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const texts = loadTexts(args.dir);
  const docs = shuffled(buildSyndicationSet(texts, args.seed), args.seed + 7);
  const topicPairs = sameTopicPairs(texts);
  const positives = texts.length * ((VARIANTS.length * (VARIANTS.length - 1)) / 2);
  console.log(`syndication set: ${texts.length} texts, ${docs.length} documents (${VARIANTS.length} per story: ${VARIANTS.join(', ')})`);
  console.log(
    `pairs: ${positives} of copies of one story, ${(docs.length * (docs.length - 1)) / 2 - positives} of distinct stories (${topicPairs.length} pairs of texts on one subject among them)`,
  );

  if (args.exact) exactSpread(docs, args.params.shingleSize);

  if (args.sweep) {
    for (const shingleSize of [2, 3, 4, 5]) {
      for (const [bands, rows] of [
        [32, 4],
        [42, 3],
        [64, 2],
        [20, 5],
        [64, 3],
      ] as const) {
        for (const threshold of [0.3, 0.35, 0.4, 0.45, 0.5]) {
          const params = { ...DEFAULT_STORY_PARAMS, shingleSize, bands, rows, threshold };
          const r = await run(docs, params);
          const s = score(docs, r.storyOf);
          console.log(
            `k=${shingleSize} ${bands}x${rows} t=${threshold.toFixed(2)}  P=${s.precision.toFixed(4)} R=${s.recall.toFixed(4)}  fp=${s.fp} fn=${s.fn}  cpu=${r.cpuMsPerDoc.toFixed(3)} ms/doc`,
          );
        }
      }
    }
    return;
  }

  const p = args.params;
  const redis = args.redis ? new Redis(args.redis, { maxRetriesPerRequest: 1 }) : null;
  const prefix = `newsflow-bench-dedup-${randomBytes(4).toString('hex')}`;
  const redisCpu = async () => {
    const info = (await redis!.info('cpu')).match(/used_cpu_(?:sys|user):([\d.]+)/g) ?? [];
    return info.reduce((sum, kv) => sum + Number(kv.split(':')[1]) * 1000, 0);
  };
  const cpuBefore = redis ? await redisCpu() : 0;
  const r = await run(docs, p, redis ? createRedisStoryIndex({ redis, prefix, params: p, windowSeconds: 3600 }) : undefined);
  const s = score(docs, r.storyOf);
  console.log(
    `parameters: word ${p.shingleSize}-shingles, MinHash of ${p.bands * p.rows} (LSH ${p.bands} bands × ${p.rows} rows), same story at estimated Jaccard ≥ ${p.threshold}` +
      ` (candidate chance ${candidateProbability(p.threshold, p.bands, p.rows).toFixed(3)} at the threshold, ${candidateProbability(0.1, p.bands, p.rows).toFixed(3)} at 0.1)`,
  );
  console.log(
    `same story: precision ${s.precision.toFixed(4)}, recall ${s.recall.toFixed(4)}  (true ${s.tp}, false ${s.fp}, missed ${s.fn} pairs)`,
  );
  console.log('copies found with their original, by kind:');
  const byStory = new Map<string, Map<Variant, string>>();
  for (const d of docs) byStory.set(d.story, (byStory.get(d.story) ?? new Map<Variant, string>()).set(d.variant, r.storyOf.get(d.id)!));
  for (const v of VARIANTS.filter((x) => x !== 'original')) {
    const stories = [...byStory.values()];
    const found = stories.filter((m) => m.get(v) === m.get('original')).length;
    console.log(`  ${v.padEnd(16)} ${found}/${stories.length}`);
  }
  const merged = topicPairs.filter(([a, b]) => byStory.get(a)?.get('original') === byStory.get(b)?.get('original'));
  console.log(
    `texts on one subject told apart: ${topicPairs.length - merged.length}/${topicPairs.length}${merged.length ? ` (merged: ${merged.map((x) => x.join('+')).join(', ')})` : ''}`,
  );
  console.log(
    `CPU per document (fingerprint + look-up, ${redis ? 'through Redis' : 'in memory'}): ${r.cpuMsPerDoc.toFixed(3)} ms; wall per document p50 ${percentile(r.wallMs, 0.5).toFixed(3)} ms, p95 ${percentile(r.wallMs, 0.95).toFixed(3)} ms, max ${Math.max(...r.wallMs).toFixed(3)} ms`,
  );
  if (redis) {
    const serverMs = (await redisCpu()) - cpuBefore;
    // The bench's own keys only: it made them, under a prefix of its own, and removes them.
    let bytes = 0;
    let keys = 0;
    let cursor = '0';
    do {
      const [next, page] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      for (const key of page) bytes += (await redis.memory('USAGE', key)) ?? 0;
      keys += page.length;
      if (page.length > 0) await redis.del(...page);
    } while (cursor !== '0');
    console.log(
      `Redis: ${(serverMs / docs.length).toFixed(3)} ms of its CPU per document; ${keys} keys, ${(bytes / docs.length / 1024).toFixed(1)} KiB per document (MEMORY USAGE)`,
    );
    redis.disconnect();
  }
}

await main();

/**
 * Extraction quality and speed on a folder laid out like the article-extraction-benchmark:
 *   DIR/ground-truth.json  { id: { articleBody, url } }
 *   DIR/html/<id>.html.gz
 * Usage: npx tsx packages/extraction/bench/extraction.bench.ts DIR [--dom jsdom|linkedom|both] [--worst N]
 * With --dom both each DOM runs in its own process so that peak RSS is its own.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ExtractionError, extractArticle } from '../src/index';
import type { DomChoice } from '../src/index';
import { exactMatch, shingleMatch, summarise } from './shingle.score';
import type { TpFpFn } from './shingle.score';

interface Truth {
  articleBody: string;
  url: string;
}

function parseArgs(argv: string[]) {
  const dir = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dom = (flag('dom') ?? 'both') as DomChoice | 'both';
  if (!dir || !['jsdom', 'linkedom', 'both'].includes(dom)) {
    console.error('usage: extraction.bench.ts DIR [--dom jsdom|linkedom|both] [--worst N]');
    process.exit(2);
  }
  return { dir, dom, worst: Number(flag('worst') ?? 0) };
}

function runOne(dir: string, dom: DomChoice, worst: number): void {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, Truth>;
  const pages = Object.entries(truth).map(([id, t]) => ({
    id,
    truth: t,
    html: new TextDecoder('utf-8').decode(gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`)))),
  }));
  // One warm-up page so that module loading and JIT are not billed to the first page.
  try {
    extractArticle(pages[0]!.html, { url: pages[0]!.truth.url, dom });
  } catch {
    // warm-up only
  }
  const scores: TpFpFn[] = [];
  const exact: boolean[] = [];
  const failures: string[] = [];
  const perPage: { id: string; url: string; p: number; r: number }[] = [];
  let elapsed = 0;
  // CPU time too: on a shared machine wall time also counts other processes' turns.
  const cpuStart = process.cpuUsage();
  for (const page of pages) {
    let text = '';
    const start = performance.now();
    try {
      text = extractArticle(page.html, { url: page.truth.url, dom }).text;
    } catch (e) {
      if (!(e instanceof ExtractionError)) throw e;
      failures.push(`${page.id} ${e.code}`);
    }
    elapsed += performance.now() - start;
    const s = shingleMatch(page.truth.articleBody, text);
    scores.push(s);
    exact.push(exactMatch(page.truth.articleBody, text));
    const [tp, fp, fn] = s;
    perPage.push({ id: page.id, url: page.truth.url, p: tp + fp > 0 ? tp / (tp + fp) : 0, r: tp + fn > 0 ? tp / (tp + fn) : 0 });
  }
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const m = summarise(scores, exact);
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${dom.padEnd(9)} pages=${pages.length}  F1=${m.f1.toFixed(3)}  precision=${m.precision.toFixed(3)}  ` +
      `recall=${m.recall.toFixed(3)}  accuracy=${m.accuracy.toFixed(3)}  ` +
      `pages/s=${(pages.length / (elapsed / 1000)).toFixed(1)} (per CPU-second ${(pages.length / cpuSeconds).toFixed(1)})  peakRSS=${rssMb.toFixed(0)}MB  errors=${failures.length}`,
  );
  for (const f of failures) console.log(`  error ${f}`);
  if (worst > 0) {
    perPage.sort((a, b) => Math.min(a.p, a.r) - Math.min(b.p, b.r));
    for (const w of perPage.slice(0, worst)) console.log(`  P=${w.p.toFixed(2)} R=${w.r.toFixed(2)} ${w.id.slice(0, 12)} ${w.url}`);
  }
}

const { dir, dom, worst } = parseArgs(process.argv.slice(2));
if (dom === 'both') {
  for (const choice of ['jsdom', 'linkedom'] as const) {
    const args = [...process.execArgv, process.argv[1]!, dir, '--dom', choice, '--worst', String(worst)];
    const child = spawnSync(process.execPath, args, { stdio: 'inherit' });
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
} else {
  runOne(dir, dom, worst);
}

/**
 * Extraction quality and speed on a folder laid out like the article-extraction-benchmark:
 *   DIR/ground-truth.json  { id: { articleBody, url } }
 *   DIR/html/<id>.html.gz
 * Usage: npx tsx packages/extraction/bench/extraction.bench.ts DIR [--dom jsdom|linkedom|both] [--worst N] [--date-key FILE] [--dates-wrong]
 *          [--by-site] [--save FILE] [--baseline FILE]
 * With --dom both each DOM runs in its own process so that peak RSS is its own.
 * Publication dates are scored against a date key (default: dev-dates.key.json beside this file,
 * made by hand for article-extraction-dev) on the pages it covers; --dates-wrong lists the misses.
 * --by-site prints F1 per site; --save FILE keeps the per-page scores (ids, hosts, counts: no
 * text) and --baseline FILE compares with such a run: sites better and worse, F1 by folds of
 * sites, and a leave-one-site-out choice between the two versions (site.score.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decodeHtml } from '@newsflow/fetcher/charset';
import { ExtractionError, extractArticle } from '../src/index';
import type { DomChoice, ExtractedArticle } from '../src/index';
import { exactMatch, shingleMatch, summarise } from './shingle.score';
import type { TpFpFn } from './shingle.score';
import { scoreDate, summariseDates, type DateKeyEntry, type DateOutcome } from './date.score';
import { bySite, compare, loadScores, saveScores, siteOf, type PageScore } from './site.score';

const DEFAULT_DATE_KEY = fileURLToPath(new URL('./dev-dates.key.json', import.meta.url));

interface Truth {
  articleBody: string;
  url: string;
}

function parseArgs(argv: string[]) {
  const switches = new Set(['--dates-wrong', '--by-site']);
  // DIR is the one argument that is neither a flag nor a flag's value.
  const dir = argv.find((a, i) => !a.startsWith('--') && (i === 0 || !argv[i - 1]!.startsWith('--') || switches.has(argv[i - 1]!)));
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dom = (flag('dom') ?? 'both') as DomChoice | 'both';
  if (!dir || !['jsdom', 'linkedom', 'both'].includes(dom)) {
    console.error(
      'usage: extraction.bench.ts DIR [--dom jsdom|linkedom|both] [--worst N] [--date-key FILE] [--dates-wrong] [--by-site] [--save FILE] [--baseline FILE]',
    );
    process.exit(2);
  }
  return {
    dir,
    dom,
    worst: Number(flag('worst') ?? 0),
    dateKey: flag('date-key') ?? DEFAULT_DATE_KEY,
    datesWrong: argv.includes('--dates-wrong'),
    bySite: argv.includes('--by-site'),
    save: flag('save'),
    baseline: flag('baseline'),
  };
}

function loadDateKey(file: string): Record<string, DateKeyEntry> {
  if (!existsSync(file)) return {};
  return (JSON.parse(readFileSync(file, 'utf8')) as { pages: Record<string, DateKeyEntry> }).pages;
}

interface Options {
  worst: number;
  dateKey: string;
  datesWrong: boolean;
  bySite: boolean;
  save: string | undefined;
  baseline: string | undefined;
}

function runOne(dir: string, dom: DomChoice, { worst, dateKey, datesWrong, ...sites }: Options): void {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, Truth>;
  const pages = Object.entries(truth).map(([id, t]) => ({
    id,
    truth: t,
    // decoded as the fetcher decodes a response (BOM, <meta> charset, detection): a page saved in
    // windows-1252 or iso-8859-2 reads as it did in the pipeline
    html: decodeHtml(gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))), null).html,
  }));
  // Pass 1 is scored and timed cold (every page's code paths compiled for the first time);
  // pass 2 times the same pages again, warm, as a long-running extraction thread meets them.
  // Module loading is billed to neither: one page is extracted before either pass.
  try {
    extractArticle(pages[0]!.html, { url: pages[0]!.truth.url, dom });
  } catch {
    // warm-up only
  }
  const scores: TpFpFn[] = [];
  const exact: boolean[] = [];
  const failures: string[] = [];
  const perPage: { id: string; url: string; p: number; r: number }[] = [];
  const pageScores: PageScore[] = [];
  const texts: string[] = [];
  const published: (string | null)[] = [];
  const cold = timedPass(pages, dom, (page, article, error) => {
    if (error) failures.push(`${page.id} ${error.code}`);
    texts.push(article?.text ?? '');
    published.push(article?.publishedAt ?? null);
  });
  const coldRssMb = process.resourceUsage().maxRSS / 1024;
  pages.forEach((page, i) => {
    const s = shingleMatch(page.truth.articleBody, texts[i]!);
    scores.push(s);
    exact.push(exactMatch(page.truth.articleBody, texts[i]!));
    const [tp, fp, fn] = s;
    perPage.push({ id: page.id, url: page.truth.url, p: tp + fp > 0 ? tp / (tp + fp) : 0, r: tp + fn > 0 ? tp / (tp + fn) : 0 });
    pageScores.push({ id: page.id, site: siteOf(page.truth.url), score: s, exact: exact.at(-1)! });
  });
  const warm = timedPass(pages, dom, () => undefined);
  const m = summarise(scores, exact);
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const rate = (t: PassTiming) =>
    `${(pages.length / t.wallSeconds).toFixed(1)} (per CPU-second ${(pages.length / t.cpuSeconds).toFixed(1)})`;
  console.log(
    `${dom.padEnd(9)} pages=${pages.length}  F1=${m.f1.toFixed(3)}  precision=${m.precision.toFixed(3)}  ` +
      `recall=${m.recall.toFixed(3)}  accuracy=${m.accuracy.toFixed(3)}  ` +
      `pages/s cold=${rate(cold)} warm=${rate(warm)}  peakRSS=${coldRssMb.toFixed(0)}MB (${rssMb.toFixed(0)}MB after both passes)  errors=${failures.length}`,
  );
  for (const f of failures) console.log(`  error ${f}`);
  const key = loadDateKey(dateKey);
  const dated = pages.flatMap((page, i) => (key[page.id] ? [{ page, entry: key[page.id]!, predicted: published[i]! }] : []));
  if (dated.length > 0) {
    const outcomes: DateOutcome[] = dated.map((d) => scoreDate(d.predicted, d.entry));
    const d = summariseDates(outcomes);
    console.log(
      `${dom.padEnd(9)} publication date (right day) on ${dated.length} pages: precision=${d.precision.toFixed(3)}  recall=${d.recall.toFixed(3)}  ` +
        `F1=${d.f1.toFixed(3)}  (right ${d.right}, wrong ${d.wrong}, none ${d.none})`,
    );
    if (datesWrong) {
      dated.forEach((x, i) => {
        if (outcomes[i] !== 'right') {
          console.log(`  date ${outcomes[i]} ${x.page.id.slice(0, 12)} key=${x.entry.published} got=${x.predicted} ${x.page.truth.url}`);
        }
      });
    }
  }
  if (worst > 0) {
    perPage.sort((a, b) => Math.min(a.p, a.r) - Math.min(b.p, b.r));
    for (const w of perPage.slice(0, worst)) console.log(`  P=${w.p.toFixed(2)} R=${w.r.toFixed(2)} ${w.id.slice(0, 12)} ${w.url}`);
  }
  reportSites(dom, pageScores, sites);
}

function reportSites(
  dom: DomChoice,
  pages: PageScore[],
  { bySite: print, save, baseline }: Pick<Options, 'bySite' | 'save' | 'baseline'>,
): void {
  const f = (x: number) => x.toFixed(3);
  if (print) {
    const sites = bySite(pages);
    console.log(`${dom.padEnd(9)} by site (${sites.length} sites, worst first):`);
    for (const s of sites) console.log(`  F1=${f(s.f1)} P=${f(s.precision)} R=${f(s.recall)} pages=${s.pages} ${s.site}`);
  }
  if (baseline) {
    const c = compare(loadScores(baseline, dom), pages);
    const l = c.leaveOneSiteOut;
    console.log(
      `${dom.padEnd(9)} against ${baseline}: F1 ${f(l.before)} → ${f(l.after)}; sites better ${c.better.length}, worse ${c.worse.length}, ` +
        `unchanged ${c.unchanged}`,
    );
    for (const s of c.better) console.log(`  better ${f(s.before)} → ${f(s.after)} ${s.site}`);
    for (const s of c.worse) console.log(`  worse  ${f(s.before)} → ${f(s.after)} ${s.site}`);
    console.log(
      `  folds of sites (F1 before → after): ${c.folds.map((x) => `${x.fold}: ${f(x.before)} → ${f(x.after)} (${x.sites} sites)`).join('; ')}`,
    );
    console.log(
      `  leave one site out: the version chosen on the other sites scores F1 ${f(l.chosen)} on the site left out ` +
        `(the change chosen for ${l.choseAfter} of ${l.sites} sites)`,
    );
  }
  if (save) saveScores(save, dom, pages);
}

interface PassTiming {
  /** Time spent inside extractArticle only. */
  wallSeconds: number;
  /** The process's CPU time over the pass (every thread: GC helpers included). */
  cpuSeconds: number;
}

/** Extracts every page once; `each` sees the article (null on an extraction error) outside the timing. */
function timedPass(
  pages: { id: string; html: string; truth: Truth }[],
  dom: DomChoice,
  each: (page: { id: string }, article: ExtractedArticle | null, error: ExtractionError | null) => void,
): PassTiming {
  let elapsed = 0;
  const cpuStart = process.cpuUsage();
  for (const page of pages) {
    let article: ExtractedArticle | null = null;
    let error: ExtractionError | null = null;
    const start = performance.now();
    try {
      article = extractArticle(page.html, { url: page.truth.url, dom });
    } catch (e) {
      if (!(e instanceof ExtractionError)) throw e;
      error = e;
    }
    elapsed += performance.now() - start;
    each(page, article, error);
  }
  const cpu = process.cpuUsage(cpuStart);
  return { wallSeconds: elapsed / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

const { dir, dom, ...options } = parseArgs(process.argv.slice(2));
if (dom === 'both') {
  for (const choice of ['jsdom', 'linkedom'] as const) {
    const args = [
      ...process.execArgv,
      process.argv[1]!,
      dir,
      '--dom',
      choice,
      '--worst',
      String(options.worst),
      '--date-key',
      options.dateKey,
      ...(options.datesWrong ? ['--dates-wrong'] : []),
      ...(options.bySite ? ['--by-site'] : []),
      ...(options.save ? ['--save', options.save] : []),
      ...(options.baseline ? ['--baseline', options.baseline] : []),
    ];
    const child = spawnSync(process.execPath, args, { stdio: 'inherit' });
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
} else {
  runOne(dir, dom, options);
}

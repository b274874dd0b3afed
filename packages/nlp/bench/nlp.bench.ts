// Scores entities and attributed quotations against a hand-made answer key, on the real NLP server, and
// prints what it costs.
// usage: npx tsx packages/nlp/bench/nlp.bench.ts GOLD.json TEXTS_DIR|TEXT_FILE [--nlp URL] [--out PRED.json]
//          [--annotations DIR] [--properties JSON] [--by-site] [--baseline PRED.json] [-v]
//   GOLD: {"articles": [{id, entities, quotes, not_quotes}]} with TEXTS_DIR/<id>.txt,
//         or one article (seed-gold.json) with its text file.
//   --nlp: the CoreNLP server (default $NLP_URL or http://127.0.0.1:9000); start one with infra/local-nlp/start.sh.
//   --annotations DIR: keep the server's annotations there and reuse them on the next run (for tuning
//         the rules quickly; the cost figures then leave the server out).
// The figures follow the same rules as shared/tools/nlp_score.py; --out writes predictions in its format.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCoreNlpEngine, enrichText } from '../src/index';
import type { Enrichment, ModelAnnotation } from '../src/index';
import type { ArticleScore, Counts, GoldArticle, PredArticle } from '../src/scoring/gold-matcher';
import { prf, scoreArticle } from '../src/scoring/gold-matcher';
import { printBySite } from './by-site';

const argv = process.argv.slice(2);
const valueOf = (flag: string): string | undefined => {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
};
const outFile = valueOf('--out');
const annDir = valueOf('--annotations');
const nlpUrl = valueOf('--nlp') ?? process.env.NLP_URL ?? 'http://127.0.0.1:9000';
const verbose = argv.includes('-v');
// other model settings to try, e.g. --properties '{"ner.model":"…"}' (keep --annotations apart per setting)
const properties = JSON.parse(valueOf('--properties') ?? '{}') as Record<string, string>;
// predictions of an earlier run (--out): each site's figures then and now
const baselineFile = valueOf('--baseline');
const valued = new Set(['--out', '--annotations', '--nlp', '--properties', '--baseline']);
const [goldPath, textsPath] = argv.filter((a, i) => !a.startsWith('-') && !valued.has(argv[i - 1] ?? ''));
if (!goldPath || !textsPath) {
  console.error('usage: nlp.bench.ts GOLD.json TEXTS_DIR|TEXT_FILE [--nlp URL] [--out PRED.json] [--annotations DIR] [-v]');
  process.exit(2);
}

const engine = createCoreNlpEngine({ url: nlpUrl, timeoutMs: 120_000, properties });
const serverPid = findServerPid(new URL(nlpUrl).port || '9000');
if (!annDir && !(await engine.isReady())) {
  console.error(`no NLP server answers at ${nlpUrl}: start one with infra/local-nlp/start.sh (or pass --nlp URL)`);
  process.exit(3);
}

const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { articles?: GoldArticle[] } & GoldArticle;
const articles: (GoldArticle & { id: string })[] = gold.articles
  ? gold.articles.map((a) => ({ ...a, id: a.id ?? '' }))
  : [{ ...gold, id: gold.source ?? 'single' }];
const isDir = statSync(textsPath).isDirectory();
const textOf = (id: string): string => readFileSync(isDir ? join(textsPath, id.endsWith('.txt') ? id : `${id}.txt`) : textsPath, 'utf8');

const REPEAT = 5;
const predictions: Record<string, PredArticle> = {};
const scores: ArticleScore[] = [];
const times: { cpuMs: number; serverCpuMs: number; words: number }[] = [];
if (annDir) mkdirSync(annDir, { recursive: true });
// A server's first pass over texts runs its Java code cold (interpreted, then compiled as it
// goes): measured once, untimed by the main pass, which shows the steady cost of a running service.
const coldServerMs: number[] = [];
if (!annDir) {
  for (const a of articles) {
    const s0 = cpuMsOf(serverPid);
    await engine.annotate(textOf(a.id));
    coldServerMs.push(cpuMsOf(serverPid) - s0);
  }
}
for (const a of articles) {
  const text = textOf(a.id);
  const cached = annDir ? join(annDir, `${a.id}.json`) : undefined;
  let annotation: ModelAnnotation;
  let serverCpuMs = 0;
  if (cached && existsSync(cached)) {
    annotation = JSON.parse(readFileSync(cached, 'utf8')) as ModelAnnotation;
  } else {
    const s0 = cpuMsOf(serverPid);
    annotation = await engine.annotate(text);
    serverCpuMs = cpuMsOf(serverPid) - s0;
    if (cached) writeFileSync(cached, JSON.stringify(annotation));
  }
  let out: Enrichment = enrichText(text, annotation, { rethrow: true }); // warm-up
  const c0 = process.cpuUsage();
  for (let r = 0; r < REPEAT; r++) out = enrichText(text, annotation, { rethrow: true });
  const cpu = process.cpuUsage(c0);
  times.push({ cpuMs: (cpu.user + cpu.system) / 1000 / REPEAT, serverCpuMs, words: text.split(/\s+/).length });
  const pred: PredArticle = {
    entities: out.entities.map((e) => ({ name: e.name, type: e.type, mentions: [...new Set(e.mentions.map((m) => m.text))] })),
    quotes: out.quotes.map((q) => ({ text: q.text, speaker: q.speaker })),
  };
  predictions[a.id] = pred;
  const s = scoreArticle(a, pred);
  scores.push(s);
  if (verbose) {
    console.log(`--- ${a.id.slice(0, 12)}`);
    for (const [k, v] of Object.entries(s.misses)) if (v.length) console.log(`  ${k}:\n    ${v.join('\n    ')}`);
  }
}

const sum = (f: (s: ArticleScore) => Counts): Counts =>
  scores.map(f).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
const fmt = (x: number): string => x.toFixed(3);
console.log(`articles: ${articles.length}`);
const all: Counts = { tp: 0, fp: 0, fn: 0 };
for (const typ of ['PERSON', 'ORGANIZATION', 'LOCATION'] as const) {
  const c = sum((s) => s.entities[typ]);
  all.tp += c.tp;
  all.fp += c.fp;
  all.fn += c.fn;
  const m = prf(c);
  console.log(`entities ${typ.padEnd(13)} P ${fmt(m.p)}  R ${fmt(m.r)}  F1 ${fmt(m.f1)}  (tp ${c.tp} fp ${c.fp} fn ${c.fn})`);
}
const e = prf(all);
console.log(`entities ALL           P ${fmt(e.p)}  R ${fmt(e.r)}  F1 ${fmt(e.f1)}`);
const q = scores
  .map((s) => s.quotes)
  .reduce((a, c) => ({
    tp: a.tp + c.tp,
    fp: a.fp + c.fp,
    fn: a.fn + c.fn,
    rightSpeaker: a.rightSpeaker + c.rightSpeaker,
    wrongSpeaker: a.wrongSpeaker + c.wrongSpeaker,
    notQuotePerson: a.notQuotePerson + c.notQuotePerson,
  }));
const qm = prf(q);
const acc = q.tp ? q.rightSpeaker / q.tp : 0;
const att = prf({ tp: q.rightSpeaker, fp: q.fp + q.wrongSpeaker, fn: q.fn + q.wrongSpeaker });
console.log(`quotes   found         P ${fmt(qm.p)}  R ${fmt(qm.r)}  F1 ${fmt(qm.f1)}  (tp ${q.tp} fp ${q.fp} fn ${q.fn})`);
console.log(
  `quotes   speaker accuracy on found: ${fmt(acc)}  (right ${q.rightSpeaker}, wrong ${q.wrongSpeaker}); scare quotes given a speaker: ${q.notQuotePerson}`,
);
const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
const perArticle = times.map((t) => t.cpuMs + t.serverCpuMs);
const totalCpu = perArticle.reduce((x, y) => x + y, 0);
const totalWords = times.reduce((x, t) => x + t.words, 0);
// CPU time, not wall time: the machine is shared and its load varies; CPU is the steadier figure
console.log(
  `cost     CPU per article: median ${fmt(median(perArticle))} ms, mean ${fmt(totalCpu / times.length)} ms ` +
    `(newsflow's rules ${fmt(median(times.map((t) => t.cpuMs)))} ms, NLP server ${fmt(median(times.map((t) => t.serverCpuMs)))} ms median)` +
    `, ${fmt((totalCpu / totalWords) * 1000)} ms per 1,000 words; ${fmt(1000 / (totalCpu / times.length))} articles/s per core`,
);
if (coldServerMs.length > 0) {
  console.log(
    `         (the server's own first pass over these texts, as after a start: median ${fmt(median(coldServerMs))} ms of CPU per article)`,
  );
}
console.log(
  serverPid
    ? `         NLP server (pid ${serverPid}) resident memory: ${rssMbOf(serverPid)} MB`
    : '         NLP server process not found on this machine: its CPU is not counted',
);
console.log(`attributed-quote F1 ${fmt(att.f1)} | speaker acc ${fmt(acc)} | entity F1 ${fmt(e.f1)}`);
if (argv.includes('--by-site') || baselineFile) {
  printBySite(articles, scores, baselineFile ? (JSON.parse(readFileSync(baselineFile, 'utf8')) as Record<string, PredArticle>) : undefined);
}
if (outFile) writeFileSync(outFile, JSON.stringify(predictions, null, 1));

/** The local CoreNLP server's pid (its command line names the port), for its CPU and memory. */
function findServerPid(port: string): number | null {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
      const at = cmd.indexOf('-port');
      if (cmd.some((c) => c.endsWith('StanfordCoreNLPServer')) && (at < 0 ? '9000' : cmd[at + 1]) === port) return Number(d);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/** User + system CPU of a process so far, in ms (clock ticks of 10 ms). */
function cpuMsOf(pid: number | null): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

function rssMbOf(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

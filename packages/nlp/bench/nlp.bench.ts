// Scores enrichText against a hand-made answer key and times it.
// usage: npx tsx packages/nlp/bench/nlp.bench.ts GOLD.json TEXTS_DIR|TEXT_FILE [--out PRED.json] [-v]
//   GOLD: {"articles": [{id, entities, quotes, not_quotes}]} with TEXTS_DIR/<id>.txt,
//         or one article (seed-gold.json) with its text file.
// The figures follow the same rules as shared/tools/nlp_score.py; --out writes predictions in its format.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { enrichText } from '../src/index';
import type { Enrichment } from '../src/index';
import type { ArticleScore, Counts, GoldArticle, PredArticle } from '../src/scoring/gold-matcher';
import { prf, scoreArticle } from '../src/scoring/gold-matcher';

const argv = process.argv.slice(2);
const outIdx = argv.indexOf('--out');
const outFile = outIdx >= 0 ? argv[outIdx + 1] : undefined;
const verbose = argv.includes('-v');
const [goldPath, textsPath] = argv.filter((a, i) => !a.startsWith('-') && (outIdx < 0 || i !== outIdx + 1));
if (!goldPath || !textsPath) {
  console.error('usage: nlp.bench.ts GOLD.json TEXTS_DIR|TEXT_FILE [--out PRED.json] [-v]');
  process.exit(2);
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
const times: { ms: number; cpuMs: number; words: number }[] = [];
for (const a of articles) {
  const text = textOf(a.id);
  let out: Enrichment = enrichText(text, { rethrow: true }); // warm-up
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let r = 0; r < REPEAT; r++) out = enrichText(text, { rethrow: true });
  const cpu = process.cpuUsage(c0);
  times.push({ ms: (performance.now() - t0) / REPEAT, cpuMs: (cpu.user + cpu.system) / 1000 / REPEAT, words: text.split(/\s+/).length });
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
  all.tp += c.tp; all.fp += c.fp; all.fn += c.fn;
  const m = prf(c);
  console.log(`entities ${typ.padEnd(13)} P ${fmt(m.p)}  R ${fmt(m.r)}  F1 ${fmt(m.f1)}  (tp ${c.tp} fp ${c.fp} fn ${c.fn})`);
}
const e = prf(all);
console.log(`entities ALL           P ${fmt(e.p)}  R ${fmt(e.r)}  F1 ${fmt(e.f1)}`);
const q = scores.map((s) => s.quotes).reduce((a, c) => ({
  tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn, rightSpeaker: a.rightSpeaker + c.rightSpeaker,
  wrongSpeaker: a.wrongSpeaker + c.wrongSpeaker, notQuotePerson: a.notQuotePerson + c.notQuotePerson,
}));
const qm = prf(q);
const acc = q.tp ? q.rightSpeaker / q.tp : 0;
const att = prf({ tp: q.rightSpeaker, fp: q.fp + q.wrongSpeaker, fn: q.fn + q.wrongSpeaker });
console.log(`quotes   found         P ${fmt(qm.p)}  R ${fmt(qm.r)}  F1 ${fmt(qm.f1)}  (tp ${q.tp} fp ${q.fp} fn ${q.fn})`);
console.log(`quotes   speaker accuracy on found: ${fmt(acc)}  (right ${q.rightSpeaker}, wrong ${q.wrongSpeaker}); scare quotes given a speaker: ${q.notQuotePerson}`);
const totalMs = times.reduce((a, t) => a + t.ms, 0);
const totalWords = times.reduce((a, t) => a + t.words, 0);
const totalCpu = times.reduce((a, t) => a + t.cpuMs, 0);
// wall time suffers from other load on a shared machine; CPU time is the steadier figure
console.log(`time     ${fmt(totalMs / times.length)} ms/article wall (max ${fmt(Math.max(...times.map((t) => t.ms)))} ms), ${fmt((totalMs / totalWords) * 1000)} ms per 1,000 words; CPU ${fmt(totalCpu / times.length)} ms/article, ${fmt((totalCpu / totalWords) * 1000)} ms per 1,000 words`);
console.log(`attributed-quote F1 ${fmt(att.f1)} | speaker acc ${fmt(acc)} | entity F1 ${fmt(e.f1)}`);
if (outFile) writeFileSync(outFile, JSON.stringify(predictions, null, 1));

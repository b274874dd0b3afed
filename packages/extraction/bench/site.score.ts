/**
 * Scores by site, so that a change is judged on how many sites it helps rather than on a mean
 * that one site's big swing can carry. A site is the page's host without "www.". Saved scores
 * (--save) hold only ids, hosts and shingle counts: none of the pages' text.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { summarise, type TpFpFn } from './shingle.score';

export interface PageScore {
  id: string;
  site: string;
  score: TpFpFn;
  exact: boolean;
}

export interface SiteSummary {
  site: string;
  pages: number;
  precision: number;
  recall: number;
  f1: number;
}

export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '(no host)';
  }
}

function summariseSome(pages: PageScore[]) {
  return summarise(
    pages.map((p) => p.score),
    pages.map((p) => p.exact),
  );
}

export function bySite(pages: PageScore[]): SiteSummary[] {
  const groups = new Map<string, PageScore[]>();
  for (const p of pages) groups.set(p.site, [...(groups.get(p.site) ?? []), p]);
  return [...groups]
    .map(([site, ps]) => ({ site, pages: ps.length, ...summariseSome(ps) }))
    .sort((a, b) => a.f1 - b.f1 || a.site.localeCompare(b.site));
}

/** Saved per DOM, so `--dom both` keeps both runs in one file. */
type SavedScores = Partial<Record<string, PageScore[]>>;

export function saveScores(file: string, dom: string, pages: PageScore[]): void {
  const saved: SavedScores = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SavedScores) : {};
  saved[dom] = pages;
  writeFileSync(file, `${JSON.stringify(saved)}\n`);
}

export function loadScores(file: string, dom: string): PageScore[] {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedScores;
  const pages = saved[dom] ?? Object.values(saved)[0];
  if (!pages) throw new Error(`${file} holds no saved scores`);
  return pages;
}

/** A site's F1 must move by more than this to count as better or worse: less is rounding. */
const SITE_DELTA = 0.005;
const FOLDS = 5;

/** Sites into folds by a hash of their name: the same folds on every run and every machine. */
function foldOf(site: string): number {
  return createHash('sha1').update(site).digest()[0]! % FOLDS;
}

export interface Comparison {
  better: { site: string; before: number; after: number }[];
  worse: { site: string; before: number; after: number }[];
  unchanged: number;
  /** F1 of each fold of sites, before and after. */
  folds: { fold: number; sites: number; before: number; after: number }[];
  /**
   * Leave one site out: for each site, the version (before or after) with the higher F1 on all
   * other sites is chosen and scored on the site left out. The change generalises when this
   * is at least the baseline's F1.
   */
  leaveOneSiteOut: { before: number; after: number; chosen: number; choseAfter: number; sites: number };
}

export function compare(before: PageScore[], after: PageScore[]): Comparison {
  const afterById = new Map(after.map((p) => [p.id, p]));
  const pairs = before.flatMap((b) => (afterById.has(b.id) ? [[b, afterById.get(b.id)!] as const] : []));
  const sites = [...new Set(pairs.map(([b]) => b.site))].sort();
  const f1 = (ps: PageScore[]) => summariseSome(ps).f1;
  const on = (which: 0 | 1, keep: (site: string) => boolean) => pairs.filter(([b]) => keep(b.site)).map((pair) => pair[which]);

  const better: Comparison['better'] = [];
  const worse: Comparison['worse'] = [];
  let unchanged = 0;
  for (const site of sites) {
    const row = { site, before: f1(on(0, (s) => s === site)), after: f1(on(1, (s) => s === site)) };
    if (row.after > row.before + SITE_DELTA) better.push(row);
    else if (row.after < row.before - SITE_DELTA) worse.push(row);
    else unchanged++;
  }

  const folds = Array.from({ length: FOLDS }, (_, fold) => {
    const inFold = (s: string) => foldOf(s) === fold;
    return { fold, sites: sites.filter(inFold).length, before: f1(on(0, inFold)), after: f1(on(1, inFold)) };
  }).filter((f) => f.sites > 0);

  const chosen: PageScore[] = [];
  let choseAfter = 0;
  for (const site of sites) {
    const others = (s: string) => s !== site;
    const useAfter = f1(on(1, others)) > f1(on(0, others));
    if (useAfter) choseAfter++;
    chosen.push(...on(useAfter ? 1 : 0, (s) => s === site));
  }

  return {
    better: better.sort((a, b) => b.after - b.before - (a.after - a.before)),
    worse: worse.sort((a, b) => a.after - a.before - (b.after - b.before)),
    unchanged,
    folds,
    leaveOneSiteOut: { before: f1(on(0, () => true)), after: f1(on(1, () => true)), chosen: f1(chosen), choseAfter, sites: sites.length },
  };
}

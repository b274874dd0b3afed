// Per-site figures, and a rule change judged site by site: a rule that helps one site and hurts
// the others is not a rule (bench:nlp --baseline PRED.json, PRED written by an earlier --out).
import type { ArticleScore, Counts, GoldArticle, PredArticle } from '../src/scoring/gold-matcher';
import { prf, scoreArticle } from '../src/scoring/gold-matcher';

interface SiteFigures {
  articles: number;
  entities: Counts;
  organisations: Counts;
  speakersRight: number;
  quotesFound: number;
}

const add = (a: Counts, b: Counts): Counts => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export const siteOf = (a: GoldArticle & { url?: string }): string => {
  try {
    return new URL(a.url ?? '').hostname.replace(/^www\./, '');
  } catch {
    return 'unknown';
  }
};

function bySite(articles: readonly (GoldArticle & { url?: string })[], scores: readonly ArticleScore[]): Map<string, SiteFigures> {
  const out = new Map<string, SiteFigures>();
  articles.forEach((a, i) => {
    const s = scores[i]!;
    const site = siteOf(a);
    const f = out.get(site) ?? { articles: 0, entities: zero(), organisations: zero(), speakersRight: 0, quotesFound: 0 };
    f.articles++;
    for (const t of ['PERSON', 'ORGANIZATION', 'LOCATION'] as const) f.entities = add(f.entities, s.entities[t]);
    f.organisations = add(f.organisations, s.entities.ORGANIZATION);
    f.speakersRight += s.quotes.rightSpeaker;
    f.quotesFound += s.quotes.tp;
    out.set(site, f);
  });
  return out;
}

/** Prints each site's entity F1, organisation F1 and right speakers, now and (if given) before. */
export function printBySite(
  articles: readonly (GoldArticle & { id: string; url?: string })[],
  scores: readonly ArticleScore[],
  baseline?: Record<string, PredArticle>,
): void {
  const now = bySite(articles, scores);
  const before = baseline
    ? bySite(
        articles,
        articles.map((a) => scoreArticle(a, baseline[a.id] ?? { entities: [], quotes: [] })),
      )
    : null;
  const f1 = (c: Counts): string => (c.tp + c.fp + c.fn === 0 ? '  -  ' : prf(c).f1.toFixed(3));
  let better = 0;
  let worse = 0;
  console.log(`by site (${now.size} sites)${before ? ': before → now' : ''}`);
  for (const [site, f] of [...now].sort((x, y) => x[0].localeCompare(y[0]))) {
    const b = before?.get(site);
    const cell = (x: (s: SiteFigures) => string): string => (b ? `${x(b)} → ${x(f)}` : x(f));
    if (b) {
      const delta = prf(f.entities).f1 - prf(b.entities).f1 + (f.speakersRight - b.speakersRight) / Math.max(1, f.quotesFound);
      if (delta > 1e-9) better++;
      else if (delta < -1e-9) worse++;
    }
    console.log(
      `  ${site.padEnd(28)} ${String(f.articles).padStart(2)} art.  entities ${cell((s) => f1(s.entities))}  ORG ${cell((s) => f1(s.organisations))}  speakers ${cell((s) => `${s.speakersRight}/${s.quotesFound}`)}`,
    );
  }
  if (before) console.log(`sites better ${better}, worse ${worse}, unchanged ${now.size - better - worse}`);
}

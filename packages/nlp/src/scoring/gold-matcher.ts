// Matching rules of the hand-made answer keys (shared seeds README): folding, 80% token overlap,
// speaker resolution through the gold entity's forms. Mirrors the reference scorer nlp_score.py.

export interface GoldEntity {
  name: string;
  type: string;
  mentions?: string[];
  optional?: boolean;
}
export interface GoldQuote {
  id?: string;
  text: string;
  speaker: string | null;
  kind?: string;
  unnamed?: boolean;
  optional?: boolean;
}
export interface GoldArticle {
  id?: string;
  source?: string;
  entities?: GoldEntity[];
  quotes?: GoldQuote[];
  not_quotes?: { text: string }[];
}
export interface PredEntity {
  name: string;
  type: string;
  mentions?: (string | { text: string })[];
}
export interface PredQuote {
  text: string;
  speaker: string | null | { name: string };
}
export interface PredArticle {
  entities?: PredEntity[];
  quotes?: PredQuote[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface QuoteCounts extends Counts {
  rightSpeaker: number;
  wrongSpeaker: number;
  notQuotePerson: number;
}
export interface ArticleScore {
  entities: Record<'PERSON' | 'ORGANIZATION' | 'LOCATION', Counts>;
  quotes: QuoteCounts;
  /** gold items not matched, and predicted items not matched (for reading the errors) */
  misses: {
    entities: string[];
    quotes: string[];
    wrongSpeakers: string[];
    scareSpeakers: string[];
    extraQuotes: string[];
    extraEntities: string[];
  };
}

const TRIM = ' \t.,;:!?"\'-()[]';

export function fold(s: string | null | undefined): string {
  if (s == null) return '';
  let t = s
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
  t = t
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  let a = 0;
  let b = t.length;
  while (a < b && TRIM.includes(t[a]!)) a++;
  while (b > a && TRIM.includes(t[b - 1]!)) b--;
  return t.slice(a, b);
}

export const tokensOf = (s: string): string[] => fold(s).match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];

/** The predicted text holds at least 80% of the gold words and is at most 125% (+1 word) as long. */
export function overlapOk(goldText: string, predText: string): boolean {
  const g = tokensOf(goldText);
  const p = tokensOf(predText);
  if (g.length === 0 || p.length === 0) return false;
  const pool = new Map<string, number>();
  for (const t of p) pool.set(t, (pool.get(t) ?? 0) + 1);
  let hit = 0;
  for (const t of g) {
    const n = pool.get(t) ?? 0;
    if (n > 0) {
      pool.set(t, n - 1);
      hit++;
    }
  }
  return hit / g.length >= 0.8 && p.length <= 1.25 * g.length + 1;
}

const TYPE_ALIASES: Record<string, string> = {
  PER: 'PERSON',
  PERSON: 'PERSON',
  ORG: 'ORGANIZATION',
  ORGANIZATION: 'ORGANIZATION',
  ORGANISATION: 'ORGANIZATION',
  LOC: 'LOCATION',
  LOCATION: 'LOCATION',
  GPE: 'LOCATION',
  PLACE: 'LOCATION',
};
const normType = (t: string | undefined): string => TYPE_ALIASES[(t ?? '').toUpperCase()] ?? (t ?? '').toUpperCase();

function entityForms(e: { name: string; mentions?: (string | { text: string })[] }): Set<string> {
  const forms = new Set<string>([fold(e.name)]);
  for (const m of e.mentions ?? []) forms.add(fold(typeof m === 'string' ? m : m.text));
  forms.delete('');
  return forms;
}

function speakerForms(g: GoldArticle, speaker: string): Set<string> {
  const forms = new Set<string>([fold(speaker)]);
  for (const e of g.entities ?? []) if (fold(e.name) === fold(speaker)) for (const f of entityForms(e)) forms.add(f);
  forms.delete('');
  return forms;
}

/** True when the predicted speaker names the gold speaker (or, for an unnamed role, holds its last word). */
export function speakerMatches(g: GoldArticle, q: GoldQuote, predSpeaker: string | null): boolean {
  if (q.speaker == null) return false;
  if (speakerForms(g, q.speaker).has(fold(predSpeaker))) return true;
  const last = tokensOf(q.speaker).slice(-1)[0];
  return Boolean(q.unnamed && predSpeaker && last && tokensOf(predSpeaker).includes(last));
}

export function scoreArticle(g: GoldArticle, p: PredArticle): ArticleScore {
  const misses: ArticleScore['misses'] = {
    entities: [],
    quotes: [],
    wrongSpeakers: [],
    scareSpeakers: [],
    extraQuotes: [],
    extraEntities: [],
  };
  const entities = {} as ArticleScore['entities'];
  const pents = (p.entities ?? []).map((e) => ({ ...e, type: normType(e.type) }));
  for (const typ of ['PERSON', 'ORGANIZATION', 'LOCATION'] as const) {
    const gold = (g.entities ?? []).filter((e) => normType(e.type) === typ);
    const preds = pents.filter((e) => e.type === typ);
    const used = new Set<number>();
    let tp = 0;
    let fn = 0;
    const ordered = [...gold].sort((a, b) => Number(Boolean(a.optional)) - Number(Boolean(b.optional)));
    for (const e of ordered) {
      const gforms = entityForms(e);
      let hit = -1;
      for (let i = 0; i < preds.length; i++) {
        if (used.has(i)) continue;
        const pe = preds[i]!;
        if (fold(pe.name) === fold(e.name) || [...entityForms(pe)].some((f) => gforms.has(f))) {
          hit = i;
          break;
        }
      }
      if (hit >= 0) used.add(hit);
      if (e.optional) continue;
      if (hit >= 0) {
        tp++;
      } else {
        fn++;
        misses.entities.push(`${typ} ${e.name}`);
      }
    }
    preds.forEach((pe, i) => {
      if (!used.has(i)) misses.extraEntities.push(`${typ} ${pe.name}`);
    });
    entities[typ] = { tp, fn, fp: preds.length - used.size };
  }

  const q: QuoteCounts = { tp: 0, fp: 0, fn: 0, rightSpeaker: 0, wrongSpeaker: 0, notQuotePerson: 0 };
  const preds = p.quotes ?? [];
  const used = new Set<number>();
  const rank = (x: GoldQuote): number => Number(Boolean(x.optional) || x.speaker == null);
  for (const gq of [...(g.quotes ?? [])].sort((a, b) => rank(a) - rank(b))) {
    let hit = -1;
    for (let i = 0; i < preds.length; i++) {
      if (!used.has(i) && overlapOk(gq.text, preds[i]!.text ?? '')) {
        hit = i;
        break;
      }
    }
    if (hit >= 0) used.add(hit);
    if (gq.optional || gq.speaker == null) continue;
    if (hit < 0) {
      q.fn++;
      misses.quotes.push(`${gq.speaker}: ${gq.text.slice(0, 60)}`);
      continue;
    }
    q.tp++;
    const raw = preds[hit]!.speaker;
    const ps = raw !== null && typeof raw === 'object' ? raw.name : raw;
    if (speakerMatches(g, gq, ps ?? null)) {
      q.rightSpeaker++;
    } else {
      q.wrongSpeaker++;
      misses.wrongSpeakers.push(`gold ${gq.speaker} / got ${ps ?? 'null'}: ${gq.text.slice(0, 50)}`);
    }
  }
  for (const nq of g.not_quotes ?? []) {
    for (let i = 0; i < preds.length; i++) {
      if (!used.has(i) && overlapOk(nq.text, preds[i]!.text ?? '')) {
        used.add(i);
        const sp = preds[i]!.speaker;
        if (sp) {
          q.notQuotePerson++;
          misses.scareSpeakers.push(`${typeof sp === 'object' ? sp.name : sp}: ${nq.text.slice(0, 50)}`);
        }
      }
    }
  }
  preds.forEach((pq, i) => {
    if (!used.has(i)) misses.extraQuotes.push(`${JSON.stringify(pq.speaker)}: ${pq.text.slice(0, 60)}`);
  });
  q.fp = preds.length - used.size;
  return { entities, quotes: q, misses };
}

export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

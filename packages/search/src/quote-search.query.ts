import type { DateSource, QuoteField } from '@newsflow/contracts';
import { MAX_PAGE_SIZE, MAX_WINDOW, type SearchParamsBase } from './article-search.query';
import type { Json, SearchEnginePort, SearchHits } from './search.port';

/** `q` searches the words of the quotation itself; `facets` adds its top speakers (counted without the speaker filter). */
export type QuoteSearchParams = SearchParamsBase;

export interface QuoteArticle {
  id: string;
  title: string;
  url: string;
  date: string;
  /** Where `date` came from: published, modified or fetched (absent for documents indexed before it). */
  dateSource: DateSource | null;
  site: string;
  siteName: string | null;
}

export interface QuoteHit {
  text: string;
  speaker: string | null;
  speakerType: QuoteField['speakerType'];
  kind: QuoteField['kind'];
  cue: string | null;
  /** The quotation with the matching words in <mark>…</mark> (engine output), when words were searched. */
  highlight: string | null;
  article: QuoteArticle;
}

export interface QuoteSearchResult {
  total: number;
  quotes: QuoteHit[];
  facets: { speakers: { key: string; count: number }[] };
}

/** Both engines refuse inner hits past `index.max_inner_result_window` (100 by default). */
export const MAX_QUOTES_PER_ARTICLE = 100;
const SPEAKER_FACET_SIZE = 25;
const ARTICLE_FIELDS = ['id', 'title', 'url', 'date', 'dateSource', 'site', 'siteName'];

function quoteClauses(p: QuoteSearchParams, withSpeaker: boolean): Json[] {
  const clauses: Json[] = [];
  const q = p.q?.trim();
  if (q) clauses.push({ simple_query_string: { query: q, fields: ['quotes.text'], default_operator: 'and' } });
  if (withSpeaker && p.speaker) clauses.push({ term: { 'quotes.speaker.folded': p.speaker } });
  return clauses;
}

function articleFilters(p: QuoteSearchParams): Json[] {
  const filter: Json[] = [];
  if (p.site) filter.push({ bool: { should: [{ term: { site: p.site.toLowerCase() } }, { term: { siteName: p.site } }] } });
  if (p.lang) filter.push({ term: { lang: p.lang } });
  if (p.since || p.until) filter.push({ range: { date: { ...(p.since ? { gte: p.since } : {}), ...(p.until ? { lte: p.until } : {}) } } });
  return filter;
}

const quoteBool = (clauses: Json[]): Json => (clauses.length ? { bool: { must: clauses } } : { match_all: {} });

function articleQuery(p: QuoteSearchParams, innerHits: Json | null, withSpeaker = true): Json {
  const nested: Json = { path: 'quotes', score_mode: 'max', query: quoteBool(quoteClauses(p, withSpeaker)) };
  if (innerHits) nested.inner_hits = innerHits;
  return { bool: { must: [{ nested }], filter: articleFilters(p) } };
}

function pageOf(p: QuoteSearchParams): { from: number; size: number } {
  const size = Math.min(Math.max(p.size ?? 20, 0), MAX_PAGE_SIZE);
  const from = Math.max(p.from ?? 0, 0);
  if (from + size > MAX_WINDOW) throw new RangeError(`from + size must be at most ${MAX_WINDOW}`);
  return { from, size };
}

function articleSort(p: QuoteSearchParams): (Json | string)[] {
  // The id breaks ties so that both phases, and successive pages, see one order.
  const byRelevance = p.sort === 'relevance' || (p.sort === undefined && !!p.q?.trim());
  return byRelevance
    ? ['_score', { date: { order: 'desc' } }, { id: { order: 'asc' } }]
    : [{ date: { order: 'desc' } }, { id: { order: 'asc' } }];
}

/**
 * Phase 1: which articles hold the matching quotations, in order, and how many each holds
 * (inner hits of size 0 still report their total). Every matching article holds at least one,
 * so the first from+size articles are enough to cover the page.
 */
export function buildQuoteCountSearch(p: QuoteSearchParams): Json {
  const { from, size } = pageOf(p);
  const body: Json = {
    from: 0,
    size: Math.max(from + size, 1),
    track_total_hits: true,
    _source: false,
    query: articleQuery(p, { name: 'quotes', size: 0, _source: false }),
    sort: articleSort(p),
    aggs: {
      quotes: { nested: { path: 'quotes' }, aggs: { matching: { filter: quoteBool(quoteClauses(p, true)) } } },
    },
  };
  if (p.facets) {
    // Speakers are counted as if no speaker were chosen, so the list still offers the others.
    body.aggs = {
      ...(body.aggs as Json),
      all: {
        global: {},
        aggs: {
          scoped: {
            filter: articleQuery(p, null, false),
            aggs: {
              quotes: {
                nested: { path: 'quotes' },
                aggs: {
                  matching: {
                    filter: quoteBool(quoteClauses(p, false)),
                    aggs: { speakers: { terms: { field: 'quotes.speaker', size: SPEAKER_FACET_SIZE } } },
                  },
                },
              },
            },
          },
        },
      },
    };
  }
  return body;
}

/** Which articles, and which of their quotations (skip, take), make up the page. */
export function planQuotePage(
  articles: { id: string; count: number }[],
  from: number,
  size: number,
): { id: string; skip: number; take: number }[] {
  const plan: { id: string; skip: number; take: number }[] = [];
  let seen = 0;
  for (const a of articles) {
    const count = Math.min(a.count, MAX_QUOTES_PER_ARTICLE);
    const start = Math.max(from - seen, 0);
    const end = Math.min(from + size - seen, count);
    if (start < end) plan.push({ id: a.id, skip: start, take: end - start });
    seen += count;
    if (seen >= from + size) break;
  }
  return plan;
}

/** Phase 2: the chosen articles' metadata and their matching quotations. */
export function buildQuotePageSearch(p: QuoteSearchParams, ids: string[], innerSize: number): Json {
  const q = p.q?.trim();
  const inner: Json = { name: 'quotes', size: Math.min(Math.max(innerSize, 1), MAX_QUOTES_PER_ARTICLE), _source: true };
  if (q) inner.highlight = { pre_tags: ['<mark>'], post_tags: ['</mark>'], fields: { 'quotes.text': { number_of_fragments: 0 } } };
  const query = articleQuery(p, inner);
  ((query.bool as Json).filter as Json[]).push({ ids: { values: ids } });
  return { from: 0, size: ids.length, _source: { includes: ARTICLE_FIELDS }, query };
}

/** Quotations as their own search results, each with its article; paged over quotations, not articles. */
export async function searchQuotes(engine: SearchEnginePort, alias: string, p: QuoteSearchParams): Promise<QuoteSearchResult> {
  const { from, size } = pageOf(p);
  const counted = await engine.search(alias, buildQuoteCountSearch(p));
  const total = ((counted.aggregations.quotes as Json | undefined)?.matching as { doc_count?: number } | undefined)?.doc_count ?? 0;
  const speakers = readSpeakerFacet(counted.aggregations);
  const plan = planQuotePage(
    counted.hits.map((h) => ({ id: h.id, count: h.innerTotals?.quotes ?? 0 })),
    from,
    size,
  );
  if (plan.length === 0) return { total, quotes: [], facets: { speakers } };

  const innerSize = Math.max(...plan.map((s) => s.skip + s.take));
  const page = await engine.search(
    alias,
    buildQuotePageSearch(
      p,
      plan.map((s) => s.id),
      innerSize,
    ),
  );
  const byId = new Map(page.hits.map((h) => [h.id, h]));
  const byScore = !!p.q?.trim();
  const quotes: QuoteHit[] = [];
  for (const slot of plan) {
    const hit = byId.get(slot.id);
    if (!hit) continue; // deleted between the two phases
    const inner = [...(hit.innerHits.quotes ?? [])].sort(
      (a, b) => (byScore ? (b.score ?? 0) - (a.score ?? 0) : 0) || (a.offset ?? 0) - (b.offset ?? 0),
    );
    const article = readArticle(hit);
    for (const ih of inner.slice(slot.skip, slot.skip + slot.take)) {
      const s = ih.source as Partial<QuoteField>;
      quotes.push({
        text: s.text ?? '',
        speaker: s.speaker ?? null,
        speakerType: s.speakerType ?? null,
        kind: s.kind ?? 'direct',
        cue: s.cue ?? null,
        highlight: ih.highlight['quotes.text']?.[0] ?? null,
        article,
      });
    }
  }
  return { total, quotes, facets: { speakers } };
}

function readArticle(hit: SearchHits['hits'][number]): QuoteArticle {
  const s = hit.source as Partial<QuoteArticle>;
  return {
    id: hit.id,
    title: s.title ?? '',
    url: s.url ?? '',
    date: s.date ?? '',
    dateSource: s.dateSource ?? null,
    site: s.site ?? '',
    siteName: s.siteName ?? null,
  };
}

function readSpeakerFacet(aggs: Json): { key: string; count: number }[] {
  const all = aggs.all as
    { scoped?: { quotes?: { matching?: { speakers?: { buckets?: { key: string; doc_count: number }[] } } } } } | undefined;
  return (all?.scoped?.quotes?.matching?.speakers?.buckets ?? []).map((b) => ({ key: b.key, count: b.doc_count }));
}

import type { Json, SearchEnginePort } from '@newsflow/search';
import type { ReprocessFilter } from './reprocess.cursor';

export type ScanEngine = Pick<SearchEnginePort, 'search'>;

/** What reprocessing replaces anyway: no need to carry it back from the engine. */
const REPLACED_FIELDS = ['entities', 'quotes', 'people', 'organizations', 'locations', 'speakers', 'quoteLines', 'urlIds'];

/** The same site and date filters as `newsflow search --site --since`. */
function filters(f: ReprocessFilter): Json[] {
  const out: Json[] = [];
  if (f.site) out.push({ bool: { should: [{ term: { site: f.site.toLowerCase() } }, { term: { siteName: f.site } }] } });
  if (f.since) out.push({ range: { date: { gte: f.since } } });
  return out;
}

/** How many documents match; with `upTo`, only those with an id up to it (what a resumed run has done). */
export async function countDocuments(engine: ScanEngine, alias: string, filter: ReprocessFilter, upTo?: string): Promise<number> {
  const filter_ = [...filters(filter), ...(upTo ? [{ range: { id: { lte: upTo } } }] : [])];
  const found = await engine.search(alias, { size: 0, track_total_hits: true, query: { bool: { filter: filter_ } } });
  return found.total;
}

/**
 * The matching documents in id order, a page at a time, starting after `after`. search_after
 * on the `id` keyword rather than a scroll: a page's last id is all a rerun needs to continue,
 * and nothing is held open on the engine while the pipeline catches up.
 */
export async function* scanDocuments(
  engine: ScanEngine,
  alias: string,
  filter: ReprocessFilter,
  after: string | null,
  pageSize: number,
): AsyncGenerator<Json[]> {
  let last = after;
  for (;;) {
    const found = await engine.search(alias, {
      size: pageSize,
      query: { bool: { filter: filters(filter) } },
      sort: [{ id: 'asc' }],
      ...(last ? { search_after: [last] } : {}),
      _source: { excludes: REPLACED_FIELDS },
    });
    const page = found.hits.map((h) => ({ ...h.source, id: h.source.id ?? h.id }));
    if (page.length === 0) return;
    yield page;
    if (page.length < pageSize) return;
    last = String(page.at(-1)!.id);
  }
}

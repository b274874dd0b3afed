import type { ArticleDocument } from '@newsflow/contracts';
import { articleIndexTemplate } from './article.template';
import { buildArticleSearch, readArticleSearch, type ArticleSearchParams, type ArticleSearchResult } from './article-search.query';
import { searchQuotes, type QuoteSearchParams, type QuoteSearchResult } from './quote-search.query';
import type { BulkItemResult, Json, SearchEnginePort } from './search.port';

/** Another copy of an article's story, as the article page lists it. */
export interface StoryCopy {
  id: string;
  url: string;
  site: string;
  siteName: string | null;
  title: string;
  date: string;
}

/** Copies an article lists at most (the earliest first). */
export const MAX_LISTED_COPIES = 100;

export interface ArticleIndex {
  readonly alias: string;
  /** Creates the template and the first index behind the alias; safe to call from every process at start. */
  ensure(): Promise<void>;
  write(docs: ArticleDocument[], options?: { refresh?: boolean }): Promise<BulkItemResult[]>;
  get(id: string): Promise<ArticleDocument | null>;
  /** One result per story unless `all` (see ArticleSearchParams). */
  search(params: ArticleSearchParams): Promise<ArticleSearchResult>;
  /** The other copies of a document's story (its own `storyId`), earliest first. */
  copiesOf(doc: Pick<ArticleDocument, 'id' | 'storyId'>): Promise<StoryCopy[]>;
  /** Quotations themselves as results, each with its article, paged over quotations. */
  searchQuotes(params: QuoteSearchParams): Promise<QuoteSearchResult>;
  refresh(): Promise<void>;
  /** Removes the template and every index of this alias (tests, reset). */
  drop(): Promise<void>;
}

/** How many job ids a document keeps (the latest): a page linked a thousand ways stays small. */
const MAX_URL_IDS = 100;

/**
 * Replaces the document with the new version while keeping every job id that reached it: one
 * article enqueued under several URLs is one document that each of them finds. A scripted
 * upsert, so the document travels once (as a parameter) for a new article and an old one alike.
 * A version without a source (a re-crawl enqueued by hand, a reprocess) keeps the source the
 * document had: it says which source found the article, and the by-hand crawl did not.
 */
const WRITE_KEEPING_URL_IDS = `
List ids = new ArrayList();
if (ctx._source.urlIds != null) { ids.addAll(ctx._source.urlIds); }
if (params.doc.urlIds != null) { for (def id : params.doc.urlIds) { if (!ids.contains(id)) { ids.add(id); } } }
if (ids.size() > params.max) { ids = ids.subList(ids.size() - params.max, ids.size()); }
def source = ctx._source.source;
ctx._source.clear();
ctx._source.putAll(params.doc);
ctx._source.urlIds = ids;
if (params.doc.source == null && source != null) { ctx._source.source = source; }
`;

/**
 * Articles are written through an alias (`alias` → `alias-000001`), so a re-index or a new
 * mapping can swap the index behind it without touching writers or readers.
 */
export function createArticleIndex(engine: SearchEnginePort, alias: string): ArticleIndex {
  const templateName = `${alias}-template`;
  return {
    alias,
    async ensure() {
      const template = articleIndexTemplate(alias);
      await engine.putIndexTemplate(templateName, template);
      if (await engine.aliasExists(alias)) {
        // An index made from an older template gets the fields added since (the mapping is
        // strict, so documents with a new field would otherwise be refused).
        const { dynamic, properties } = (template.template as { mappings: Json }).mappings as Json;
        await engine.putMapping(alias, { dynamic, properties });
        // Documents indexed before stories existed are each a story of their own (search
        // collapses on storyId, and would otherwise put every one of them in a single group).
        await engine.updateByQuery(alias, {
          query: { bool: { must_not: { exists: { field: 'storyId' } } } },
          script: { lang: 'painless', source: 'ctx._source.storyId = ctx._id' },
        });
        return;
      }
      await engine.createIndex(`${alias}-000001`, { aliases: { [alias]: { is_write_index: true } } });
    },
    async write(docs, options = {}) {
      if (docs.length === 0) return [];
      // A document written without a story (by a tool, or a test) is a story of its own:
      // search collapses on storyId, where documents without one would all fall into one group.
      const operations = docs
        .map((d) => (d.storyId ? d : { ...d, storyId: d.id }))
        .flatMap((doc) => [
          // Two jobs of one article may write at once: a conflict is retried on the fresh version.
          { update: { _index: alias, _id: doc.id, retry_on_conflict: 5 } },
          {
            scripted_upsert: true,
            upsert: {},
            script: { lang: 'painless', source: WRITE_KEEPING_URL_IDS, params: { doc, max: MAX_URL_IDS } },
          },
        ]);
      return engine.bulk(operations, options.refresh ?? false);
    },
    async get(id) {
      // By the document's own id, else by the id of any job (enqueued URL) that reached it.
      const direct = (await engine.get(alias, id)) as ArticleDocument | null;
      if (direct) return direct;
      const found = await engine.search(alias, { size: 1, query: { term: { urlIds: id } } });
      return (found.hits[0]?.source as ArticleDocument | undefined) ?? null;
    },
    async search(params) {
      return readArticleSearch(await engine.search(alias, buildArticleSearch(params)), params);
    },
    async copiesOf(doc) {
      if (!doc.storyId) return [];
      const found = await engine.search(alias, {
        size: MAX_LISTED_COPIES,
        query: { bool: { filter: [{ term: { storyId: doc.storyId } }], must_not: [{ ids: { values: [doc.id] } }] } },
        _source: ['id', 'url', 'site', 'siteName', 'title', 'date'],
        sort: [{ date: { order: 'asc' } }, { id: { order: 'asc' } }],
      });
      return found.hits.map((h) => {
        const s = h.source as Partial<StoryCopy>;
        return {
          id: s.id ?? h.id,
          url: s.url ?? '',
          site: s.site ?? '',
          siteName: s.siteName ?? null,
          title: s.title ?? '',
          date: s.date ?? '',
        };
      });
    },
    async searchQuotes(params) {
      return searchQuotes(engine, alias, params);
    },
    async refresh() {
      await engine.refresh(alias);
    },
    async drop() {
      await engine.deleteIndices(`${alias}-*`);
      await engine.deleteIndexTemplate(templateName);
    },
  };
}

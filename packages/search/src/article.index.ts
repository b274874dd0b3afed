import type { ArticleDocument } from '@newsflow/contracts';
import { articleIndexTemplate } from './article.template';
import { buildArticleSearch, type ArticleSearchParams } from './article-search.query';
import { searchQuotes, type QuoteSearchParams, type QuoteSearchResult } from './quote-search.query';
import type { BulkItemResult, Json, SearchEnginePort, SearchHits } from './search.port';

export interface ArticleIndex {
  readonly alias: string;
  /** Creates the template and the first index behind the alias; safe to call from every process at start. */
  ensure(): Promise<void>;
  write(docs: ArticleDocument[], options?: { refresh?: boolean }): Promise<BulkItemResult[]>;
  get(id: string): Promise<ArticleDocument | null>;
  search(params: ArticleSearchParams): Promise<SearchHits>;
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
 */
const WRITE_KEEPING_URL_IDS = `
List ids = new ArrayList();
if (ctx._source.urlIds != null) { ids.addAll(ctx._source.urlIds); }
if (params.doc.urlIds != null) { for (def id : params.doc.urlIds) { if (!ids.contains(id)) { ids.add(id); } } }
if (ids.size() > params.max) { ids = ids.subList(ids.size() - params.max, ids.size()); }
ctx._source.clear();
ctx._source.putAll(params.doc);
ctx._source.urlIds = ids;
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
        return;
      }
      await engine.createIndex(`${alias}-000001`, { aliases: { [alias]: { is_write_index: true } } });
    },
    async write(docs, options = {}) {
      if (docs.length === 0) return [];
      const operations = docs.flatMap((doc) => [
        // Two jobs of one article may write at once: a conflict is retried on the fresh version.
        { update: { _index: alias, _id: doc.id, retry_on_conflict: 5 } },
        { scripted_upsert: true, upsert: {}, script: { lang: 'painless', source: WRITE_KEEPING_URL_IDS, params: { doc, max: MAX_URL_IDS } } },
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
      return engine.search(alias, buildArticleSearch(params));
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

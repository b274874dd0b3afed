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
      const operations = docs.flatMap((doc) => [{ index: { _index: alias, _id: doc.id } }, doc as unknown as Record<string, unknown>]);
      return engine.bulk(operations, options.refresh ?? false);
    },
    async get(id) {
      return (await engine.get(alias, id)) as ArticleDocument | null;
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

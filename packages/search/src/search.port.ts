/**
 * The narrow port both engine adapters implement. Bodies are plain JSON shared by both
 * engines (Elasticsearch 9 and OpenSearch 2 agree on everything newsflow sends).
 */
export type Json = Record<string, unknown>;

export interface BulkItemResult {
  id: string;
  status: number;
  /** Engine's error type and reason when the item failed. */
  error: { type: string; reason: string } | null;
}

export interface SearchHits {
  total: number;
  hits: {
    id: string;
    score: number | null;
    source: Json;
    highlight: Record<string, string[]>;
    /** Nested inner hits by name; `offset` is the quotation's (or entity's) place in its array. */
    innerHits: Record<string, { source: Json; highlight: Record<string, string[]>; score?: number | null; offset?: number }[]>;
    /** How many nested objects matched, by inner hits name (even when fewer were returned). */
    innerTotals?: Record<string, number>;
  }[];
  aggregations: Json;
}

export interface SearchEnginePort {
  readonly flavor: 'elasticsearch' | 'opensearch';
  ping(): Promise<boolean>;
  putIndexTemplate(name: string, body: Json): Promise<void>;
  aliasExists(alias: string): Promise<boolean>;
  /** Creates an index; `false` when it already existed (a concurrent start won the race). */
  createIndex(index: string, body: Json): Promise<boolean>;
  /** Adds fields to an existing index's mapping (additive changes only). */
  putMapping(index: string, body: Json): Promise<void>;
  bulk(operations: Json[], refresh?: boolean): Promise<BulkItemResult[]>;
  /** Runs a script on every document the query matches (conflicts skipped); how many were updated. */
  updateByQuery(index: string, body: Json): Promise<number>;
  search(index: string, body: Json): Promise<SearchHits>;
  get(index: string, id: string): Promise<Json | null>;
  refresh(index: string): Promise<void>;
  /** For tests and `newsflow` admin: removes indices matching the pattern and a template. */
  deleteIndices(pattern: string): Promise<void>;
  deleteIndexTemplate(name: string): Promise<void>;
  close(): Promise<void>;
}

export class SearchUnavailableError extends Error {
  override readonly name = 'SearchUnavailableError';
}

import type { BulkItemResult, Json, SearchHits } from '../search.port';
import { SearchUnavailableError } from '../search.port';

/** Both engines answer _bulk and _search with the same JSON; read it once here. */
export function readBulkItems(body: unknown): BulkItemResult[] {
  const items = ((body as { items?: Json[] }).items ?? []) as Json[];
  return items.map((item) => {
    const op = Object.values(item)[0] as { _id: string; status: number; error?: { type: string; reason: string } };
    return {
      id: op._id,
      status: op.status,
      error: op.error ? { type: op.error.type, reason: op.error.reason ?? op.error.type } : null,
    };
  });
}

interface RawHit {
  _id: string;
  _score: number | null;
  _source?: Json;
  highlight?: Record<string, string[]>;
  _nested?: { offset?: number };
  inner_hits?: Record<string, { hits: { total?: number | { value: number }; hits: RawHit[] } }>;
}

const totalOf = (t: number | { value: number } | undefined): number => (typeof t === 'number' ? t : (t?.value ?? 0));

export function readSearchHits(body: unknown): SearchHits {
  const b = body as { hits: { total: number | { value: number }; hits: RawHit[] }; aggregations?: Json };
  const total = totalOf(b.hits.total);
  return {
    total,
    aggregations: b.aggregations ?? {},
    hits: b.hits.hits.map((h) => ({
      id: h._id,
      score: h._score,
      source: h._source ?? {},
      highlight: h.highlight ?? {},
      innerHits: Object.fromEntries(
        Object.entries(h.inner_hits ?? {}).map(([name, inner]) => [
          name,
          inner.hits.hits.map((ih) => ({
            source: ih._source ?? {},
            highlight: ih.highlight ?? {},
            score: ih._score,
            offset: ih._nested?.offset,
          })),
        ]),
      ),
      innerTotals: Object.fromEntries(Object.entries(h.inner_hits ?? {}).map(([name, inner]) => [name, totalOf(inner.hits.total)])),
    })),
  };
}

export function isConnectionError(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name ?? '';
  return name === 'ConnectionError' || name === 'TimeoutError' || name === 'NoLivingConnectionsError';
}

export function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: number; meta?: { statusCode?: number } } | null;
  return e?.meta?.statusCode ?? e?.statusCode;
}

/** Runs a client call, turning "cannot reach the engine" into SearchUnavailableError. */
export function guardedCall(engineName: string, url: string) {
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (isConnectionError(err)) throw new SearchUnavailableError(`${engineName} at ${url} is unavailable: ${(err as Error).message}`);
      throw err;
    }
  };
}

/** Creating an index that a concurrent start created first is not an error. */
export function isAlreadyExists(err: unknown): boolean {
  return (
    statusOf(err) === 400 &&
    JSON.stringify((err as { meta?: { body?: unknown } }).meta?.body ?? '').includes('resource_already_exists_exception')
  );
}

/** `null` for a 404, the value otherwise. */
export async function nullOn404<T>(fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (err) {
    if (statusOf(err) === 404) return null;
    throw err;
  }
}

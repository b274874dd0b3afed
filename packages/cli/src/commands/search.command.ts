import { sourceIdOf } from '@newsflow/contracts';
import { createArticleIndex, DATE_PARAM_HINT, isIsoDateParam } from '@newsflow/search';
import { UsageError } from '../process/cli.errors';
import { configFromEnv } from '../process/config.loader';
import { isIndexMissing, openSearchEngine } from '../process/search.session';

export interface SearchOptions {
  person?: string;
  speaker?: string;
  site?: string;
  /** A followed source's id or URL. */
  source?: string;
  since?: string;
  size?: string;
  /** Every copy of a story; by default one result per story. */
  all?: boolean;
  json?: boolean;
}

/** `newsflow search QUERY [--person] [--speaker] [--site] [--source] [--since] [--all] [--json]`. */
export async function searchCommand(query: string | undefined, opts: SearchOptions): Promise<number> {
  const config = configFromEnv();
  if (opts.since && !isIsoDateParam(opts.since)) throw new UsageError(`--since "${opts.since}" ${DATE_PARAM_HINT}`);
  const source = opts.source === undefined ? undefined : sourceIdOf(opts.source);
  if (source === null) throw new UsageError(`--source "${opts.source}" is neither a source id nor a URL`);
  const size = opts.size === undefined ? 10 : Number(opts.size);
  if (!Number.isInteger(size) || size < 0 || size > 100) {
    throw new UsageError(`--size must be a whole number from 0 to 100 (got "${opts.size}")`);
  }
  const { engine, explain } = openSearchEngine(config);
  try {
    const found = await createArticleIndex(engine, config.search.alias).search({
      ...(query ? { q: query } : {}),
      ...(opts.person ? { person: opts.person } : {}),
      ...(opts.speaker ? { speaker: opts.speaker } : {}),
      ...(opts.site ? { site: opts.site } : {}),
      ...(source ? { source } : {}),
      ...(opts.since ? { since: opts.since } : {}),
      ...(opts.all ? { all: true } : {}),
      size,
    });
    const results = found.hits.map((h) => {
      const s = h.source as { title?: string; url?: string; date?: string; siteName?: string; source?: { url: string } };
      return {
        id: h.id,
        title: s.title ?? '',
        url: s.url ?? '',
        date: s.date ?? null,
        site: s.siteName ?? null,
        source: s.source?.url ?? null,
        copies: h.copies,
        quotes: (h.innerHits.quotes ?? []).map((q) => q.source as { text: string; speaker: string | null }),
      };
    });
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ total: found.total, documents: found.documents, results })}\n`);
      return 0;
    }
    const hidden = found.documents - found.total;
    process.stdout.write(
      `${found.total} article(s)${hidden > 0 ? ` (one per story; ${hidden} more cop${hidden === 1 ? 'y' : 'ies'}: --all shows them)` : ''}\n`,
    );
    for (const r of results) {
      const copies = r.copies > 1 ? ` · ${r.copies} copies` : '';
      process.stdout.write(`\n${r.title}\n  ${r.url}\n  ${r.date ?? 'undated'}${r.site ? ` · ${r.site}` : ''}${copies}  [${r.id}]\n`);
      for (const q of r.quotes) process.stdout.write(`  “${q.text}” — ${q.speaker ?? 'unattributed'}\n`);
    }
    return 0;
  } catch (err) {
    // Before the first article is indexed the alias does not exist yet: say so, not the engine's 404.
    if (isIndexMissing(err)) {
      throw new Error(
        `nothing indexed yet: the index ${config.search.alias} does not exist (enqueue article URLs first, or check SEARCH_INDEX)`,
      );
    }
    throw explain(err);
  } finally {
    await engine.close();
  }
}

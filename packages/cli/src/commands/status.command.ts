import { resolveUrlInput } from '@newsflow/contracts';
import { readArticleStatus, statusStoreFor, traceSpans, type DocumentLookup } from '@newsflow/runtime';
import { createArticleIndex, SearchUnavailableError } from '@newsflow/search';
import { EXIT } from '../process/cli.errors';
import { configFromEnv } from '../process/config.loader';
import { openRedis } from '../process/redis.session';
import { openSearchEngine } from '../process/search.session';

const ID = /^[0-9a-f]{32}$/;

/** `newsflow status URL|ID [--json]`: the stage an article is in and, when it failed, why. */
export async function statusCommand(target: string, opts: { json?: boolean }): Promise<number> {
  const config = configFromEnv();
  const id = ID.test(target) ? target : resolveUrlInput(target).id;
  const session = await openRedis(config);
  const search = openSearchEngine(config);
  try {
    // The status reader treats an engine that is away as "no document"; here that would say
    // "never enqueued" about an article that may well be indexed, so that failure is kept.
    // (No index yet, or any other refusal, still means no document, as before.)
    let engineError: unknown = null;
    const articles = createArticleIndex(search.engine, config.search.alias);
    const documents: DocumentLookup = {
      get: (docId) =>
        articles.get(docId).catch((err: unknown) => {
          if (err instanceof SearchUnavailableError) engineError = err;
          throw err;
        }),
    };
    const status = await readArticleStatus(id, statusStoreFor(session.redis, config), documents);
    if (!status) {
      if (engineError) throw search.explain(engineError);
      process.stderr.write(`no article ${ID.test(target) ? 'with id' : 'for'} ${target} (never enqueued, or its status expired)\n`);
      return EXIT.failed;
    }
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(status)}\n`);
      return EXIT.ok;
    }
    const lines = [
      `${status.state}${status.reason ? `: ${status.reason}` : ''}`,
      `  id       ${status.id}`,
      `  url      ${status.url}`,
      `  updated  ${status.updatedAt}`,
    ];
    const queued = status.trace.filter((e) => e.event === 'queued').at(-1);
    if (queued) lines.push(`  queued   ${queued.at}`);
    // One line per stage attempt: outcome, attempt, start → end, and its detail (time or reason).
    for (const t of traceSpans(status.trace)) {
      const when = `${t.start ?? '?'} → ${t.end ?? '…'}`;
      lines.push(`  ${t.stage.padEnd(8)} ${t.outcome.padEnd(9)} attempt ${t.attempt ?? '?'}  ${when}${t.detail ? `  ${t.detail}` : ''}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  } catch (err) {
    throw session.explain(err);
  } finally {
    await session.close();
    await search.engine.close();
  }
}

import { resolveUrlInput } from '@newsflow/contracts';
import { createRedisConnection, readArticleStatus, statusStoreFor, traceSpans } from '@newsflow/runtime';
import { createArticleIndex, createSearchEngine } from '@newsflow/search';
import { configFromEnv } from '../process/config.loader';

const ID = /^[0-9a-f]{32}$/;

/** `newsflow status URL|ID [--json]`: the stage an article is in and, when it failed, why. */
export async function statusCommand(target: string, opts: { json?: boolean }): Promise<number> {
  const config = configFromEnv();
  const id = ID.test(target) ? target : resolveUrlInput(target).id;
  const redis = createRedisConnection(config.redis.url, 'client', 'newsflow-cli');
  redis.on('error', () => undefined);
  const engine = createSearchEngine(config.search.flavor, { url: config.search.url, auth: config.search.auth });
  try {
    const status = await readArticleStatus(id, statusStoreFor(redis, config), createArticleIndex(engine, config.search.alias));
    if (!status) {
      process.stderr.write(`no article ${ID.test(target) ? 'with id' : 'for'} ${target} (never enqueued, or its status expired)\n`);
      return 1;
    }
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(status)}\n`);
      return 0;
    }
    const lines = [`${status.state}${status.reason ? `: ${status.reason}` : ''}`, `  id       ${status.id}`, `  url      ${status.url}`, `  updated  ${status.updatedAt}`];
    const queued = status.trace.filter((e) => e.event === 'queued').at(-1);
    if (queued) lines.push(`  queued   ${queued.at}`);
    // One line per stage attempt: outcome, attempt, start → end, and its detail (time or reason).
    for (const t of traceSpans(status.trace)) {
      const when = `${t.start ?? '?'} → ${t.end ?? '…'}`;
      lines.push(`  ${t.stage.padEnd(8)} ${t.outcome.padEnd(9)} attempt ${t.attempt ?? '?'}  ${when}${t.detail ? `  ${t.detail}` : ''}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await redis.quit().catch(() => redis.disconnect());
    await engine.close();
  }
}

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractArticle, type DomChoice } from '@newsflow/extraction';
import { FORMATS, formatArticle, isArticleFormat } from '../extract/article.format';
import { readSavedPage } from '../extract/saved-page.reader';
import { UsageError } from '../process/cli.errors';
import { configFromEnv } from '../process/config.loader';
import { reportFileFailure } from '../process/file-failure.report';

export interface ExtractCommandOptions {
  url?: string;
  dom?: string;
  format?: string;
}

/**
 * `newsflow extract FILE... | - [--url URL] [--format json|text|markdown]`: extraction on saved
 * pages, no services. JSON (the default) is one line per file; text and markdown are documents
 * for people, so a file that fails is said on stderr only.
 */
export async function extractCommand(files: string[], opts: ExtractCommandOptions): Promise<number> {
  if (opts.dom && opts.dom !== 'jsdom' && opts.dom !== 'linkedom') {
    throw new UsageError(`--dom must be jsdom or linkedom, not "${opts.dom}"`);
  }
  const format = opts.format ?? 'json';
  if (!isArticleFormat(format)) {
    throw new UsageError(`--format must be ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS.at(-1)}, not "${format}"`);
  }
  const dom: DomChoice = (opts.dom as DomChoice | undefined) ?? configFromEnv().extract.dom;
  let failures = 0;
  for (const file of files) {
    try {
      const html = await readSavedPage(file);
      // Standard input has no address of its own; relative links then stay unresolved-looking.
      const url = opts.url ?? (file === '-' ? 'file:///dev/stdin' : pathToFileURL(resolve(file)).href);
      process.stdout.write(formatArticle(file, extractArticle(html, { url, dom }), format));
    } catch (err) {
      failures++;
      reportFileFailure(file, err, { jsonLine: format === 'json' });
    }
  }
  return failures > 0 ? 1 : 0;
}

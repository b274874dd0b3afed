import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { extractArticle, type DomChoice } from '@newsflow/extraction';
import { UsageError } from '../process/cli.errors';
import { configFromEnv } from '../process/config.loader';
import { reportFileFailure } from '../process/file-failure.report';

/** `newsflow extract FILE... [--url URL]`: extraction on saved pages, no services; one JSON line per file. */
export async function extractCommand(files: string[], opts: { url?: string; dom?: string }): Promise<number> {
  if (opts.dom && opts.dom !== 'jsdom' && opts.dom !== 'linkedom') throw new UsageError(`--dom must be jsdom or linkedom, not "${opts.dom}"`);
  const dom: DomChoice = (opts.dom as DomChoice | undefined) ?? configFromEnv().extract.dom;
  let failures = 0;
  for (const file of files) {
    try {
      const raw = await readFile(file);
      const html = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
      const a = extractArticle(html, { url: opts.url ?? pathToFileURL(resolve(file)).href, dom });
      process.stdout.write(
        `${JSON.stringify({
          file,
          title: a.title,
          byline: a.byline,
          authors: a.authors,
          publishedAt: a.publishedAt,
          modifiedAt: a.modifiedAt,
          siteName: a.siteName,
          lang: a.lang,
          langTag: a.langTag,
          canonicalUrl: a.canonicalUrl,
          image: a.image,
          section: a.section,
          keywords: a.keywords,
          access: a.access,
          text: a.text,
          html: a.html,
          sources: a.sources,
        })}\n`,
      );
    } catch (err) {
      failures++;
      reportFileFailure(file, err);
    }
  }
  return failures > 0 ? 1 : 0;
}

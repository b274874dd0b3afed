import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { ExtractCommandOptions } from './commands/extract.command';
import type { KibanaImportOptions } from './commands/kibana.command';
import type { ReprocessEnrichCommandOptions } from './commands/reprocess.command';
import { failureOf } from './process/failure.report';

// Each command's code is imported when that command runs, so that a stage process
// (`newsflow start fetch`) carries no extraction DOM or NLP lexicons it never uses.
const commands = {
  dev: () => import('./commands/dev.command'),
  enqueue: () => import('./commands/enqueue.command'),
  enrich: () => import('./commands/enrich.command'),
  extract: () => import('./commands/extract.command'),
  failed: () => import('./commands/failed.command'),
  kibana: () => import('./commands/kibana.command'),
  openapi: () => import('./commands/openapi.command'),
  reprocess: () => import('./commands/reprocess.command'),
  search: () => import('./commands/search.command'),
  sources: () => import('./commands/sources.command'),
  start: () => import('./commands/start.command'),
  status: () => import('./commands/status.command'),
};

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command()
  .name('newsflow')
  .description('News ingestion: URLs in; clean articles with entities and attributed quotations out, searchable.')
  .version(version, '-V, --version', 'print the version')
  .showHelpAfterError()
  // Commander exits 1 for a bad command line; newsflow keeps 1 for refused input and says 2
  // (see process/cli.errors.ts). Thrown rather than exiting, so the one handler below decides.
  // Set before any .command(): subcommands copy it when they are made.
  .exitOverride();

const exitWith = (code: number) => {
  process.exitCode = code;
};

program
  .command('dev')
  .description('start everything locally (Redis and the search engine too, when none answers); what `npm start` runs')
  .action(async () => (await commands.dev()).devCommand());

program
  .command('start')
  .description('run the named services against the configured Redis and engine (all when none is named)')
  .argument('[services...]', 'api, fetch, extract, enrich, index, discover')
  .action(async (services: string[]) => (await commands.start()).startCommand(services));

program
  .command('enqueue')
  .description('enqueue article URLs; prints each URL’s id')
  .argument('[urls...]', 'URLs, or - to read them from standard input')
  .option('-f, --file <file>', 'a file with one URL per line')
  .option('--json', 'one JSON object per URL')
  .action(async (urls: string[], opts: { file?: string; json?: boolean }) =>
    exitWith(await (await commands.enqueue()).enqueueCommand(urls, opts)),
  );

program
  .command('status')
  .description('the stage an article is in and, when it failed, the reason')
  .argument('<url-or-id>')
  .option('--json', 'print JSON')
  .action(async (target: string, opts: { json?: boolean }) => exitWith(await (await commands.status()).statusCommand(target, opts)));

program
  .command('failed')
  .description('list failed jobs with their reasons')
  .option('--stage <stage>', 'fetch, extract, enrich, index or discover (source polls)')
  .option('--limit <n>', 'at most this many per stage (default 1000)')
  .option('--json', 'one JSON object per job')
  .action(async (opts: { stage?: string; json?: boolean; limit?: string }) =>
    exitWith(await (await commands.failed()).failedCommand(opts)),
  );

program
  .command('retry')
  .description('re-queue failed jobs with fresh attempts')
  .argument('[url-or-id]')
  .option('--all', 'every failed job (of --stage, or of all stages)')
  .option('--stage <stage>', 'fetch, extract, enrich or index')
  .action(async (target: string | undefined, opts: { all?: boolean; stage?: string }) =>
    exitWith(await (await commands.failed()).retryCommand(target, opts)),
  );

program
  .command('search')
  .description('search indexed articles and their quotations')
  .argument('[query]')
  .option('--person <name>', 'articles mentioning this person')
  .option('--speaker <name>', 'articles quoting this speaker')
  .option('--site <host>', 'articles from this site')
  .option('--source <id-or-url>', 'articles found by this followed source (see `sources list`)')
  .option('--since <date>', 'articles dated on or after this date')
  .option('--size <n>', 'how many results (max 100)')
  .option('--all', 'every copy of a story (by default one result per story, with its number of copies)')
  .option('--json', 'print JSON')
  .action(async (query: string | undefined, opts) => exitWith(await (await commands.search()).searchCommand(query, opts)));

program
  .command('extract')
  .description('extract articles from saved HTML files (.html or .html.gz; - for standard input), no services needed')
  .argument('<files...>')
  .option('--url <url>', 'the page’s address, for resolving links and the canonical URL')
  .option('--dom <dom>', 'linkedom or jsdom (default: EXTRACT_DOM, linkedom)')
  .option('--format <format>', 'json (one line per file), text or markdown (default: json)')
  .action(async (files: string[], opts: ExtractCommandOptions) => exitWith(await (await commands.extract()).extractCommand(files, opts)));

program
  .command('enrich')
  .description('find entities and attributed quotations in plain-text files (- for standard input)')
  .argument('<files...>')
  .action(async (files: string[]) => exitWith(await (await commands.enrich()).enrichCommand(files)));

const sources = program
  .command('sources')
  .description('follow feeds, sitemaps and sites: their new article URLs are enqueued on a schedule');
sources
  .command('add')
  .description('follow a feed, a sitemap, or a site (its feeds and sitemaps are found); prints the source’s id')
  .argument('<url>')
  .option('--every <interval>', 'how often to poll it: 15m, 1h, 1h30m, 2d… (default 15m)')
  .option('--json', 'print the source as JSON')
  .action(async (url: string, opts: { every?: string; json?: boolean }) =>
    exitWith(await (await commands.sources()).sourcesAddCommand(url, opts)),
  );
sources
  .command('list')
  .description('every source: kind, interval, last poll, its status or error, URLs found and enqueued')
  .option('--json', 'one JSON object per source')
  .action(async (opts: { json?: boolean }) => exitWith(await (await commands.sources()).sourcesListCommand(opts)));
sources
  .command('remove')
  .description('stop following a source (by id or URL)')
  .argument('<id-or-url>')
  .action(async (target: string) => exitWith(await (await commands.sources()).sourcesRemoveCommand(target)));
sources
  .command('poll')
  .description('poll a source now (by id or URL), besides its schedule')
  .argument('<id-or-url>')
  .option('--wait', 'wait for the poll to finish and print how it went')
  .option('--timeout <seconds>', 'with --wait: give up after this long (default 300)')
  .option('--json', 'with --wait: print the source as JSON')
  .action(async (target: string, opts: { wait?: boolean; timeout?: string; json?: boolean }) =>
    exitWith(await (await commands.sources()).sourcesPollCommand(target, opts)),
  );

const reprocess = program.command('reprocess').description('run a stage again on articles already indexed, without fetching them again');
reprocess
  .command('enrich')
  .description(
    'enrich indexed articles again from their stored text and re-index them (resumable; needs the enrich and index services running)',
  )
  .option('--since <date>', 'only articles dated on or after this day (YYYY-MM-DD)')
  .option('--site <host>', 'only articles from this site')
  .option('--restart', 'start from the first article, not where the last run with these filters stopped')
  .action(async (opts: ReprocessEnrichCommandOptions) => exitWith(await (await commands.reprocess()).reprocessEnrichCommand(opts)));

program
  .command('openapi')
  .description('print the API’s OpenAPI 3.1 document (JSON), built from its schemas; no services needed')
  .option('--server <url>', 'the API’s address for servers[0].url (default: /, relative to wherever the document is read from)')
  .action(async (opts: { server?: string }) => exitWith((await commands.openapi()).openApiCommand(opts)));

const kibana = program.command('kibana').description('Kibana saved objects: the newsflow data view and dashboard');
kibana
  .command('import')
  .description('import the data view and dashboard into a running Kibana (overwrites earlier imports)')
  .requiredOption('--url <url>', 'Kibana’s address, e.g. http://127.0.0.1:5601')
  .option('--space <space>', 'a Kibana space (default: the default space)')
  .option('--index <alias>', 'the articles alias the data view reads (default: newsflow-articles)')
  .option('--username <name>', 'Kibana user (password from --password or KIBANA_PASSWORD)')
  .option('--password <password>', 'Kibana password')
  .option('--api-key <key>', 'Kibana API key (or KIBANA_API_KEY)')
  .action(async (opts: KibanaImportOptions) => exitWith(await (await commands.kibana()).kibanaImportCommand(opts)));
kibana
  .command('export')
  .description('print the saved objects as NDJSON (what infra/kibana/newsflow.ndjson holds)')
  .option('--index <alias>', 'the articles alias the data view reads (default: newsflow-articles)')
  .action(async (opts: { index?: string }) => exitWith((await commands.kibana()).kibanaExportCommand(opts)));

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const failure = failureOf(err);
  if (failure.message !== null) process.stderr.write(`newsflow: ${failure.message}\n`);
  // Clients opened before the failure may hold the event loop open; nothing is in flight.
  process.exit(failure.code);
}

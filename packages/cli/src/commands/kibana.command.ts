import { kibanaSecretsFromProcess } from '@newsflow/config';
import { importSavedObjects, KibanaImportError, KibanaUnreachableError, type KibanaTarget } from '../kibana/kibana.importer';
import { EXIT } from '../process/cli.errors';
import { buildSavedObjects, DASHBOARD_ID, DEFAULT_ALIAS, toNdjson } from '../kibana/saved-objects';

export interface KibanaImportOptions {
  url: string;
  space?: string;
  index?: string;
  username?: string;
  password?: string;
  apiKey?: string;
}

/**
 * `newsflow kibana import --url URL [--space S] [--index ALIAS]`: loads the data view and the
 * dashboard into a running Kibana (the same objects as infra/kibana/newsflow.ndjson, with the data
 * view pointed at ALIAS when the articles alias is not the default one).
 */
export async function kibanaImportCommand(opts: KibanaImportOptions): Promise<number> {
  let url: URL;
  try {
    url = new URL(opts.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
  } catch {
    process.stderr.write(`newsflow: --url must be Kibana's http(s) address, such as http://127.0.0.1:5601 (got ${opts.url})\n`);
    return EXIT.usage;
  }
  // Secrets may come from the environment rather than the command line (visible to `ps`).
  const secrets = kibanaSecretsFromProcess();
  const password = opts.password ?? secrets.password;
  const apiKey = opts.apiKey ?? secrets.apiKey;
  if (opts.username && !password) {
    process.stderr.write('newsflow: --username needs --password (or KIBANA_PASSWORD)\n');
    return EXIT.usage;
  }
  const target: KibanaTarget = {
    url: url.toString(),
    ...(opts.space ? { space: opts.space } : {}),
    ...(apiKey ? { auth: { apiKey } } : opts.username && password ? { auth: { username: opts.username, password } } : {}),
  };
  const objects = buildSavedObjects(opts.index ?? DEFAULT_ALIAS);
  try {
    const result = await importSavedObjects(target, toNdjson(objects));
    if (result.problems.length > 0) {
      process.stderr.write(
        `newsflow: Kibana imported ${result.successCount} of ${objects.length} objects; refused:\n${result.problems.map((p) => `  - ${p}\n`).join('')}`,
      );
      return 1;
    }
    const base = url.toString().replace(/\/+$/, '');
    const space = opts.space && opts.space !== 'default' ? `/s/${encodeURIComponent(opts.space)}` : '';
    process.stdout.write(
      `imported ${result.successCount} objects into Kibana; the dashboard: ${base}${space}/app/dashboards#/view/${DASHBOARD_ID}\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof KibanaImportError) {
      process.stderr.write(`newsflow: ${err.message}\n`);
      return err instanceof KibanaUnreachableError ? EXIT.unreachable : EXIT.failed;
    }
    throw err;
  }
}

/** `newsflow kibana export [--index ALIAS]`: the saved objects as NDJSON on standard output. */
export function kibanaExportCommand(opts: { index?: string }): number {
  process.stdout.write(toNdjson(buildSavedObjects(opts.index ?? DEFAULT_ALIAS)));
  return 0;
}

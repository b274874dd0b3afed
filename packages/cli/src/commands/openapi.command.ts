import { buildOpenApiDocument } from '@newsflow/service-api/openapi';
import { EXIT, UsageError } from '../process/cli.errors';

export interface OpenApiCommandOptions {
  server?: string;
}

/**
 * `newsflow openapi [--server URL]`: the API's OpenAPI 3.1 document as JSON, the one GET
 * /openapi.json serves (with every optional route). Built from the API's zod schemas alone:
 * no configuration is read and nothing is connected, so it runs where no service does (CI, docs).
 */
export function openApiCommand(opts: OpenApiCommandOptions): number {
  if (opts.server !== undefined && !/^(\/|https?:\/\/)/.test(opts.server)) {
    throw new UsageError(`--server must be a path such as / or an http(s) address, such as https://news.example/api (got ${opts.server})`);
  }
  const document = buildOpenApiDocument(opts.server === undefined ? {} : { serverUrl: opts.server });
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  return EXIT.ok;
}

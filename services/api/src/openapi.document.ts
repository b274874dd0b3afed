import { readFileSync } from 'node:fs';
import { ARTICLE_PATHS } from './articles.openapi';
import type { OpenApiDocument } from './common.responses';
import { componentSchemas, SECURITY_SCHEMES } from './openapi.components';
import type { Operation, PathOperations } from './openapi.kit';
import { SEARCH_PATHS } from './search.openapi';
import { SERVICE_PATHS } from './service.openapi';
import { SOURCE_PATHS } from './sources.openapi';
import { WEB_UI_PATHS } from './web-ui.openapi';

// Everything here is data and zod: building the document starts nothing and connects to
// nothing, so `newsflow openapi` and the lint run it without Redis or an engine.

/**
 * Prefixes under which a mounted application serves routes of its own (Bull Board's JSON API
 * and assets, the UI's static files): documented once, at the prefix.
 */
export const OPENAPI_MOUNTS = ['/admin/queues', '/ui/assets'];

/** Every route newsflow's API may register, keyed by OpenAPI path and method. */
const PATHS: PathOperations = { ...ARTICLE_PATHS, ...SEARCH_PATHS, ...SOURCE_PATHS, ...SERVICE_PATHS, ...WEB_UI_PATHS };

const TAGS = [
  { name: 'articles', description: 'Enqueue article URLs; follow each through the pipeline' },
  { name: 'search', description: 'Articles, their entities and attributed quotations' },
  { name: 'sources', description: 'Feeds, sitemaps and sites polled for new article URLs' },
  { name: 'service', description: 'Probes, metrics and this document: open whatever the token settings' },
  { name: 'admin', description: 'The queues dashboard (Bull Board), behind the token' },
  { name: 'web-ui', description: 'The browser interface' },
];

/** The api package's version: the contract changes with the code that serves it. */
const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Fastify's `/articles/:id` as OpenAPI's `/articles/{id}`. */
export function toOpenApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\/\*$/, '/{file}');
}

/** The route a registered Fastify route is documented under: itself, or the mount it belongs to. */
export function documentedPathOf(url: string): string {
  const mount = OPENAPI_MOUNTS.find((m) => url === m || url.startsWith(`${m}/`));
  if (mount === '/ui/assets') return '/ui/assets/{file}';
  return mount ?? toOpenApiPath(url).replace(/(.)\/$/, '$1');
}

/** Only the operations of routes an app registered (optional ones such as /metrics appear only when served). */
function servedPaths(registered: { method: string; url: string }[]): PathOperations {
  const paths: PathOperations = {};
  for (const r of registered) {
    const path = documentedPathOf(r.url);
    const method = r.method.toLowerCase();
    // A mount's own routes (any method) are its one documented GET.
    const key = PATHS[path]?.[method] ? method : OPENAPI_MOUNTS.some((m) => path.startsWith(m)) ? 'get' : null;
    const op: Operation | undefined = key === null ? undefined : PATHS[path]?.[key];
    if (key !== null && op) paths[path] = { ...paths[path], [key]: op };
  }
  return paths;
}

export interface OpenApiOptions {
  /** The routes an app registered; every route the API may serve when absent. */
  registered?: { method: string; url: string }[];
  /** `servers[0].url`: where the API is; `/` (relative to wherever the document was fetched) by default. */
  serverUrl?: string;
}

/** The OpenAPI 3.1 document: every body and parameter schema converted from the zod schemas the routes use. */
export function buildOpenApiDocument(opts: OpenApiOptions = {}): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'newsflow',
      version: VERSION,
      description:
        'Enqueue news article URLs; search the articles, their entities and attributed quotations. Every error is `{"error": "<message>"}` (components/schemas/Error); an unknown path is 404, and a method a path does not take is 405 with an Allow header listing the ones it does.',
    },
    servers: [{ url: opts.serverUrl ?? '/' }],
    tags: TAGS,
    paths: opts.registered ? servedPaths(opts.registered) : PATHS,
    components: { securitySchemes: SECURITY_SCHEMES, schemas: componentSchemas() },
  };
}

import { z } from 'zod';
import { ADMIN_COOKIE } from './admin.auth';
import { ARTICLE_COMPONENTS } from './article.responses';
import { COMMON_COMPONENTS } from './common.responses';
import { SEARCH_COMPONENTS } from './search.responses';
import { SOURCE_COMPONENTS } from './source.responses';

type Json = Record<string, unknown>;

/** Every response body the API sends, by the name the document gives it. */
export const COMPONENT_SCHEMAS = { ...COMMON_COMPONENTS, ...ARTICLE_COMPONENTS, ...SEARCH_COMPONENTS, ...SOURCE_COMPONENTS };
export type ComponentName = keyof typeof COMPONENT_SCHEMAS;

export const SECURITY_SCHEMES: Json = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'API_TOKEN: writes whenever it is set, admin routes always, reads too with API_READS_OPEN=false',
  },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: ADMIN_COOKIE,
    description:
      'For browsers: set (HttpOnly) by opening an admin page, or with API_READS_OPEN=false any page, once with ?token=<API_TOKEN>',
  },
};

/**
 * The components' JSON Schemas, converted together so that a schema used inside another (Quote
 * in Article) is a $ref to its component rather than a copy.
 */
export function componentSchemas(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENT_SCHEMAS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _, $id: __, ...rest } = schema as Json;
      return [id, rest];
    }),
  );
}

import { readFileSync } from 'node:fs';
import type { Json } from './search.port';

interface Template {
  template: { mappings: { properties: Record<string, Json> } };
}

// Read at run time, not imported: infra/ is outside the package's sources, and the same
// relative path holds from src/ (tests, tsx) and from the compiled dist/.
const template = JSON.parse(
  readFileSync(new URL('../../../infra/search/article-index-template.json', import.meta.url), 'utf8'),
) as Template;

/** The article index template (infra/search), shared by both engines and by Kibana's checks. */
export function articleIndexTemplate(alias: string): Json {
  return { index_patterns: [`${alias}-*`], ...structuredClone(template) };
}

export const ARTICLE_MAPPING_PROPERTIES = template.template.mappings.properties;

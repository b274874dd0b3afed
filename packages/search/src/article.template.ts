import template from '../../../infra/search/article-index-template.json';
import type { Json } from './search.port';

/** The article index template (infra/search), shared by both engines and by Kibana's checks. */
export function articleIndexTemplate(alias: string): Json {
  return { index_patterns: [`${alias}-*`], ...structuredClone(template) };
}

export const ARTICLE_MAPPING_PROPERTIES = template.template.mappings.properties as Record<string, Json>;

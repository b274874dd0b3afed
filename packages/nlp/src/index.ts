export type { Entity, EntityType, Enrichment, Mention, Quote } from './types';
export { enrichText } from './enrich';
export type { EnrichOptions } from './enrich';
export { enrichArticle } from './enrich';
export type { EnrichArticleOptions } from './enrich';
export type { ModelAnnotation, ModelMention, ModelToken, ModelSentence, ModelEntityType, NlpEngine } from './engine/nlp.port';
export { NlpUnavailableError } from './engine/nlp.port';
export { createCoreNlpEngine, CORENLP_PROPERTIES } from './engine/corenlp.engine';
export type { CoreNlpOptions } from './engine/corenlp.engine';

export type { Entity, EntityType, Enrichment, Mention, Quote } from './types';
export { enrichText } from './enrich';
export type { EnrichOptions } from './enrich';

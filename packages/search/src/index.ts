export * from './search.port';
export * from './search.factory';
export * from './article.index';
export * from './article.template';
export * from './article-search.query';
export * from './quote-search.query';
export type { EngineConnection } from './adapters/engine-connection';
export * from './date-range.param';

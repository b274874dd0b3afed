export { extractArticle } from './article.extractor';
export { ExtractionError } from './extraction.error';
export type { ExtractionErrorCode } from './extraction.error';
export { createDocument } from './dom.factory';
export { foldText } from './text.fold';
export type { DomChoice, ExtractOptions, ExtractedArticle, FieldSource, SourcedField } from './article.types';
export { languageTag } from './language.tag';
export type { LanguageTag } from './language.tag';

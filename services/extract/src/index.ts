export { startExtractService } from './extract.service';
export { createExtractHandler } from './extract.handler';
export type { StoredArticle } from './stored-article';
export { createExtractionPool, ExtractionLimitError } from './extraction.pool';

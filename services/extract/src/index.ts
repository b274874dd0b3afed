export { startExtractService } from './extract.service';
export { createExtractHandler } from './extract.handler';
export { createExtractionPool, ExtractionLimitError } from './extraction.pool';

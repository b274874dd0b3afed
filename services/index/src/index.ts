export { startIndexService } from './index.service';
export { createIndexHandler } from './index.handler';
export { buildArticleDocument, siteOf } from './article-document.builder';
export { createBatcher } from './bulk.batcher';

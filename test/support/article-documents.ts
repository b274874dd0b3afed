// The API's tests put real documents in the engine, built as the index service builds them. Tests
// of one service reach another service's code only through test/support, never directly.
export { buildArticleDocument } from '../../services/index/src/article-document.builder';

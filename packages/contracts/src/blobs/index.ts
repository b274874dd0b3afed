export * from './blob-kinds';
export * from './stored-page.blob';
export * from './stored-article.blob';
export * from './enrichment.blob';

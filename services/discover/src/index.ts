export { startDiscoverService } from './discover.service';
export { createDiscoverHandler } from './discover.handler';
export { pollSource, MAX_SITEMAP_DEPTH } from './poll/source.poller';
export { readDocument } from './read/document.reader';
export type { DocumentEvent, DocumentFormat } from './read/document.reader';

export { startFetchService } from './fetch.service';
export { createFetchHandler } from './fetch.handler';
export type { StoredPage } from './stored-page';
export * from './http';

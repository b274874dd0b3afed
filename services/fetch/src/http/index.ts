export { createPageFetcher } from './page.fetcher';
export type { ConditionalRequest, FetchedPage, PageFetcher, PageFetcherOptions } from './page.fetcher';
export { FetchFailure, isFetchFailure } from './fetch.failure';
export type { FetchFailureCode } from './fetch.failure';

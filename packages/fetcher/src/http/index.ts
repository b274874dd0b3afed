// The fetch stage's HTTP client. What it guarantees, whatever the server does:
// - it only ever connects to public unicast addresses (unless allowPrivateNetworks), checked on
//   every hop, for literal IPs in any spelling and for every address a name resolves to;
// - the whole fetch (all redirects and the body) ends by options.timeoutMs;
// - at most options.maxBytes of decompressed body are held in memory;
// - the page comes back as UTF-8 bytes and, read on demand, as a string, decoded with the charset
//   browsers would pick (decodeHtml, also what `newsflow extract` reads saved files with; import
//   it from '@newsflow/fetcher/charset');
// - every failure is a FetchFailure whose `permanent` says whether a retry can help.
export { createPageFetcher } from './page.fetcher';
export type {
  ConditionalRequest,
  FetchedPage,
  FetchedResource,
  FetchedText,
  FetchHooks,
  PageFetcher,
  PageFetcherOptions,
  PageFetcherSeams,
  ResourceRequest,
} from './page.fetcher';
export { FetchFailure, isFetchFailure } from './fetch.failure';
export type { FetchFailureCode } from './fetch.failure';
export { decodeHtml, htmlAsUtf8 } from './charset.decoder';
export type { DecodedPage, Utf8Page } from './charset.decoder';

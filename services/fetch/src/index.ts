export { startFetchService } from './fetch.service';
export { createFetchHandler } from './fetch.handler';
// The HTTP client and politeness moved to @newsflow/fetcher (shared with discover); re-exported
// so that what imported them from here keeps working.
export * from '@newsflow/fetcher';
export { createValidatorStore } from './politeness/validator.store';
export type { ValidatorStore, Validators } from './politeness/validator.store';

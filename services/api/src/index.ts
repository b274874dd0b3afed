export { startApiService } from './api.service';
export { buildApiApp } from './api.app';
export type { ApiDeps } from './api.deps';

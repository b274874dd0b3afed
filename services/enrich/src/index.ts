export { startEnrichService } from './enrich.service';
export { createEnrichHandler } from './enrich.handler';

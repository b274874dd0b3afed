// Entry of an extraction thread when running from the TypeScript sources (tests, tsx): worker
// threads do not inherit the parent's tsx loader, so register it here before loading the task.
// The compiled build loads dist/extraction.task.js directly (extraction.pool.ts).
import { register } from 'tsx/esm/api';

register();
const { runExtraction } = await import('./extraction.task.ts');

export default runExtraction;

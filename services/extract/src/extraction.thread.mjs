// Entry of an extraction thread: worker threads do not inherit the parent's tsx loader,
// so register it here before loading the TypeScript task.
import { register } from 'tsx/esm/api';

register();
const { runExtraction } = await import('./extraction.task.ts');

export default runExtraction;

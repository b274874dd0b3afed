#!/usr/bin/env node
// The compiled CLI (`npm run build` writes packages/*/dist and services/*/dist), run by plain
// node in production, by `npm start` and in the image. Tests and benches run the TypeScript
// sources through tsx instead (node --conditions=newsflow-source --import tsx src/main.ts).
import { existsSync } from 'node:fs';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('newsflow: not built yet: run `npm run build` at the repository root first\n');
  process.exit(1);
}
await import(main.href);

#!/usr/bin/env node
// `npm run lint:openapi`: writes the API's OpenAPI document (`newsflow openapi`, run from the
// TypeScript sources so no build is needed) to a temporary file and lints it with Redocly's
// recommended rules (redocly.yaml). Exits with Redocly's status: non-zero on any error.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const tsx = pathToFileURL(require.resolve('tsx')).href;

const generated = spawnSync(process.execPath, ['--conditions=newsflow-source', '--import', tsx, 'packages/cli/src/main.ts', 'openapi'], {
  cwd: ROOT,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
  stdio: ['ignore', 'pipe', 'inherit'],
});
if (generated.status !== 0) {
  process.stderr.write(`lint:openapi: \`newsflow openapi\` failed (exit ${generated.status ?? generated.signal})\n`);
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'newsflow-openapi-'));
const file = join(dir, 'openapi.json');
try {
  writeFileSync(file, generated.stdout);
  const redocly = join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
  const lint = spawnSync(process.execPath, [redocly, 'lint', '--config', join(ROOT, 'redocly.yaml'), file], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  process.exitCode = lint.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type CliResult } from '../support/cli';
import { freePort } from '../support/free-port';
import { eventually, TEST_REDIS_URL, TEST_SEARCH_FLAVOR, TEST_SEARCH_URL, uniqueName, wipeRedisPrefix } from '../support/services';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'packages/cli/bin/newsflow.js');
const PAGE = 'test/fixtures/pages/news-jsonld.html';

type Run = CliResult;

const run = (command: string, args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<Run> =>
  runCommand(command, args, { env, timeoutMs, cwd: ROOT });

// What production runs: `npm run build`, then the compiled CLI under plain node, with no tsx
// and no export condition. Everything else in the suite runs the sources; this is what fails
// when the build breaks, or when compiled code would still reach for TypeScript.
describe('the compiled build (npm run build, then plain node)', () => {
  let noTypeScript: string[];
  let dir: string | undefined;
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const build = await run('npm', ['run', 'build'], {}, 600_000);
    expect(build.stderr + build.stdout, 'npm run build').not.toMatch(/error TS|build: relative imports/);
    expect(build.code).toBe(0);
    // A resolve hook that refuses TypeScript and tsx: the compiled graph must not need them.
    dir = mkdtempSync(join(tmpdir(), 'nf-build-'));
    writeFileSync(
      join(dir, 'hook.mjs'),
      `export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (/\\.[cm]?tsx?$/.test(new URL(r.url).pathname) || r.url.includes('/node_modules/tsx/')) throw new Error('compiled code loaded ' + r.url);
  return r;
}\n`,
    );
    writeFileSync(
      join(dir, 'register.mjs'),
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hook.mjs')).href)});\n`,
    );
    noTypeScript = ['--import', pathToFileURL(join(dir, 'register.mjs')).href];
  }, 660_000);

  it('builds every workspace', () => {
    const workspaces = ['packages', 'services']
      .flatMap((group) => readdirSync(join(ROOT, group)).map((name) => `${group}/${name}`))
      .filter((ws) => existsSync(join(ROOT, ws, 'package.json')) && existsSync(join(ROOT, ws, 'src')));
    const referenced = [
      ...readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8').matchAll(/"path":\s*"([^"]+)\/tsconfig\.build\.json"/g),
    ].map((m) => m[1]);
    expect(
      workspaces.filter((ws) => !referenced.includes(ws)),
      'workspaces missing from tsconfig.build.json',
    ).toEqual([]);
    expect(
      workspaces.filter((ws) => !existsSync(join(ROOT, ws, 'dist')) || !readdirSync(join(ROOT, ws, 'dist')).some((f) => f.endsWith('.js'))),
      'workspaces with nothing compiled',
    ).toEqual([]);
  });

  it('(the guard refuses tsx and TypeScript, so the tests below mean something)', async () => {
    const r = await run(process.execPath, [
      ...noTypeScript,
      '-e',
      "import('tsx/esm/api').then(() => process.exit(0), (e) => { console.error(e.message); process.exit(9); })",
    ]);
    expect(r.code).toBe(9);
    expect(r.stderr).toMatch(/compiled code loaded .*\/node_modules\/tsx\//);
  });

  it('prints its version', async () => {
    const r = await run(process.execPath, [...noTypeScript, BIN, '--version']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(
      (JSON.parse(readFileSync(join(ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string }).version,
    );
  });

  it('extracts a saved page as its answer key says', async () => {
    const key = JSON.parse(readFileSync(join(ROOT, PAGE.replace(/\.html$/, '.expected.json')), 'utf8')) as {
      url: string;
      expect: Record<string, unknown>;
      textStartsWith: string;
    };
    const r = await run(process.execPath, [...noTypeScript, BIN, 'extract', PAGE, '--url', key.url]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { title, authors, siteName, canonicalUrl } = key.expect;
    const out = JSON.parse(r.stdout) as { text: string };
    expect(out).toMatchObject({ file: PAGE, title, authors, siteName, canonicalUrl });
    expect(out.text.startsWith(key.textStartsWith)).toBe(true);
  });

  it('extracts in the compiled extraction thread', async () => {
    // The extract service's worker threads load dist/extraction.task.js, not the tsx entry.
    // (CommonJS --eval, importing as node would from the repository root: no export condition.)
    const script = `(async () => {
      const { readFileSync } = require('node:fs');
      const { createExtractionPool } = await import('@newsflow/service-extract');
      const pool = createExtractionPool({ threads: 1, timeoutMs: 30000, maxMemoryMb: 256 });
      const r = await pool.run({ html: readFileSync(${JSON.stringify(PAGE)}, 'utf8'), url: 'https://www.example.com/a', dom: 'linkedom' });
      await pool.close();
      process.stdout.write(JSON.stringify({ ok: r.ok, title: r.ok ? r.article.title : r.message }));
    })();`;
    const r = await run(process.execPath, [...noTypeScript, '-e', script]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, title: expect.stringMatching(/pier/) });
  });

  describe('a service', () => {
    const prefix = uniqueName('build');
    afterAll(() => wipeRedisPrefix(prefix));

    it('starts, answers /healthz and stops on SIGTERM with exit 0', async () => {
      const port = await freePort();
      const env = {
        REDIS_URL: TEST_REDIS_URL,
        SEARCH_URL: TEST_SEARCH_URL,
        SEARCH_FLAVOR: TEST_SEARCH_FLAVOR,
        QUEUE_PREFIX: prefix,
        HEALTH_PORT: String(port),
      };
      const child = spawn(process.execPath, [...noTypeScript, BIN, 'start', 'fetch'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        await eventually(
          'the compiled fetch service to answer /healthz',
          async () => child.exitCode === null && (await fetch(`http://127.0.0.1:${port}/healthz`)).ok,
          30_000,
        );
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
      expect(stderr).not.toMatch(/compiled code loaded/);
    });
  });
});

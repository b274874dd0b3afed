#!/usr/bin/env node
// `npm run build`: compiles every workspace's src/ to its dist/ (tsc -b tsconfig.build.json, in
// dependency order, incrementally), then makes the compiled imports loadable by Node.
//
// The sources import each other as './x' (moduleResolution Bundler: tsx and vitest resolve
// that), and tsc copies module specifiers as written; Node's own ESM loader, which runs dist/,
// wants the file: './x.js' or './x/index.js'. The second step adds it in every workspace's
// dist/**/*.js, reading the specifiers with TypeScript's parser (static imports and exports,
// literal dynamic imports). It runs even when tsc reported errors (tsc still writes what it
// can, and half-rewritten output would fail at run time for another reason than the one
// reported), and is a no-op on files already done. A relative specifier that names no emitted
// file fails the build rather than a service at run time.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const tsc = spawnSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-b', 'tsconfig.build.json'], {
  cwd: ROOT,
  stdio: 'inherit',
});

function* jsFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* jsFiles(path);
    else if (entry.name.endsWith('.js')) yield path;
  }
}

const isFile = (path) => existsSync(path) && statSync(path).isFile();

/** The specifier Node can load, or null when it names no file. */
function completed(file, spec) {
  const target = resolve(dirname(file), spec);
  if (isFile(target)) return spec;
  if (isFile(`${target}.js`)) return `${spec}.js`;
  if (isFile(join(target, 'index.js'))) return `${spec.replace(/\/$/, '')}/index.js`;
  return null;
}

function specifierNodes(source) {
  const found = [];
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const problems = [];
let rewritten = 0;
for (const group of ['packages', 'services']) {
  for (const workspace of readdirSync(join(ROOT, group))) {
    const dist = join(ROOT, group, workspace, 'dist');
    if (!existsSync(dist)) continue;
    for (const file of jsFiles(dist)) {
      const text = readFileSync(file, 'utf8');
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
      const edits = [];
      for (const literal of specifierNodes(source)) {
        const spec = literal.text;
        if (!spec.startsWith('./') && !spec.startsWith('../')) continue;
        const full = completed(file, spec);
        if (full === null) problems.push(`${relative(ROOT, file)}: '${spec}' names no compiled file`);
        else if (full !== spec) edits.push({ start: literal.getStart(source) + 1, end: literal.end - 1, text: full });
      }
      if (edits.length === 0) continue;
      let out = text;
      for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
      writeFileSync(file, out);
      rewritten++;
    }
  }
}
if (problems.length > 0) {
  process.stderr.write(`build: relative imports Node cannot load:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
}
if (rewritten > 0) process.stdout.write(`build: full ESM specifiers written in ${rewritten} compiled files\n`);
if (tsc.status !== 0) process.stderr.write('build: tsc reported errors (above)\n');
process.exit(tsc.status === 0 && problems.length === 0 ? 0 : 1);

// Type-aware lint: floating promises and non-exhaustive switches are bugs in queue code.
import tseslint from 'typescript-eslint';
import js from '@eslint/js';
import globals from 'globals';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { readdirSync } from 'node:fs';

const TS_FILES = ['**/*.ts'];
const TESTS_AND_TOOLS = ['**/*.test.ts', '**/bench/**', 'test/**', 'scripts/**', 'vitest.config.ts'];
const SERVICES = readdirSync(new URL('./services/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const SERVICES_MEET = 'services meet through packages (put what they share in packages/contracts or packages/runtime)';
const ENV_MESSAGE = 'read settings from the Config parsed once by packages/config (or add a named function there)';
// `process` under another name: the node:process module imported whole or its `env` picked out.
const PROCESS_MODULE = 'ImportDeclaration[source.value=/^(node:)?process$/]';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.data/**',
      'infra/local-engine/target/**',
      'test-artifacts/**',
      '**/dist/**',
      '**/*.js',
      '**/*.mjs',
      '**/.*',
    ],
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Braces may go only on a one-line body ("if (!x) return null;"); eqeqeq keeps "== null".
      curly: ['error', 'multi-line', 'consistent'],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  // The structure: no import cycles, inside a package or across packages (workspace packages are
  // resolved to their sources, as the tests and tsx run them).
  {
    files: TS_FILES,
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      // Workspace packages are ours: cycles through them count; node_modules is not followed.
      'import-x/internal-regex': '^@newsflow/',
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: 'tsconfig.json',
          conditionNames: ['newsflow-source', 'types', 'import', 'node', 'default'],
        }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  // Services meet through packages (contracts, runtime): a service's code never imports another
  // service, so each can be deployed, scaled and changed alone. Only the CLI, which launches them,
  // knows them all.
  {
    files: ['services/**/*.ts', 'packages/**/*.ts'],
    ignores: ['packages/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@newsflow/service-*'], message: SERVICES_MEET },
            {
              group: ['../../../services/**', '../../../../services/**'],
              message: "another service's or package's sources: import the package by its name, and services never import each other",
            },
            {
              // Up as many levels as it takes (a file in a subfolder climbs more), into a sibling's src.
              regex: '^(\\.\\./)+[^./][^/]*/src(/|$)',
              message: "another service's or package's sources: import the package by its name, and services never import each other",
            },
          ],
        },
      ],
      // Whatever the import's spelling, a file of one service never resolves into another's folder.
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: SERVICES.map((name) => ({
            target: `./services/${name}`,
            from: './services',
            except: [`./${name}`],
            message: SERVICES_MEET,
          })),
        },
      ],
    },
  },
  // Settings are parsed once, with zod, in packages/config: nothing else reads the environment.
  {
    files: TS_FILES,
    ignores: ['packages/config/src/**', ...TESTS_AND_TOOLS],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: ENV_MESSAGE }],
      // The spellings no-restricted-properties cannot see: globalThis.process.env (or global's), and
      // node:process imported under another name (`import { env }`, `import proc`, `import * as proc`).
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.property.name='process'][property.name='env']", message: ENV_MESSAGE },
        { selector: "MemberExpression[object.property.name='process'][property.value='env']", message: ENV_MESSAGE },
        { selector: `${PROCESS_MODULE} > ImportSpecifier[imported.name='env']`, message: ENV_MESSAGE },
        {
          selector: `${PROCESS_MODULE} > :matches(ImportDefaultSpecifier, ImportNamespaceSpecifier)`,
          message: `use the global process, never node:process under another name (its env goes unseen): ${ENV_MESSAGE}`,
        },
        { selector: 'ImportExpression[source.value=/^(node:)?process$/]', message: ENV_MESSAGE },
      ],
    },
  },
  // The web UI's browser modules (no build step): linted like the rest, on top of the JS
  // recommended rules; typed from their JSDoc by services/api/public/tsconfig.json (the type-aware
  // rules above read it).
  { ignores: ['!services/api/public/**/*.js'] },
  {
    files: ['services/api/public/**/*.js'],
    languageOptions: { globals: globals.browser },
    rules: js.configs.recommended.rules,
  },
);

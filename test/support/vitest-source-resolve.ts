import { defaultServerConditions } from 'vite';

const SOURCE_CONDITIONS = ['newsflow-source', ...defaultServerConditions.filter((c) => c !== 'module')];

/**
 * Tests run the TypeScript sources, never a build: workspace packages export src/ under the
 * `newsflow-source` condition (dist/ otherwise). Vitest passes these conditions on to node in its
 * workers too (worker threads, such as extraction's, resolve through node itself); less `module`,
 * as vitest's own default (it would pick ESM builds node cannot load).
 *
 * The global setup (it starts the local services) is loaded outside the test workers, in vitest's
 * own `__vitest__` environment, which ignores ssr.resolve (vitest-dev/vitest#9429): without it,
 * `npm test` before any build failed to resolve the workspace packages.
 */
export const SOURCE_RESOLVE = {
  ssr: { resolve: { conditions: SOURCE_CONDITIONS } },
  environments: { __vitest__: { resolve: { conditions: SOURCE_CONDITIONS } } },
};

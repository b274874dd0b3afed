import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// One run covers every tier: unit tests beside the code (*.test.ts), integration tests
// (*.int.test.ts) and end-to-end tests (test/e2e) on the real Redis and the real local engine.
export default defineConfig({
  // Tests run the TypeScript sources, never a build: workspace packages export src/ under the
  // `newsflow-source` condition (dist/ otherwise). Vitest passes these conditions on to node in
  // its workers too (worker threads, such as extraction's, resolve through node itself); less
  // `module`, as vitest's own default (it would pick ESM builds node cannot load).
  ssr: { resolve: { conditions: ['newsflow-source', ...defaultServerConditions.filter((c) => c !== 'module')] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'services/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    // The chaos suite has its own command (npm run test:chaos) and config.
    exclude: ['test/chaos/**', '**/node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: more workers only make the CPU-bound extraction tests slower.
    maxWorkers: 2,
  },
});

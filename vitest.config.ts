import { defineConfig } from 'vitest/config';

// One run covers every tier: unit tests beside the code (*.test.ts), integration tests
// (*.int.test.ts) and end-to-end tests (test/e2e) on the real Redis and the real local engine.
export default defineConfig({
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

import { defineConfig } from 'vitest/config';
import { SOURCE_RESOLVE } from './test/support/vitest-source-resolve.js';

const EVERY_TEST = ['packages/*/src/**/*.test.ts', 'services/*/src/**/*.test.ts', 'test/**/*.test.ts'];
const ON_REAL_SERVICES = ['**/*.int.test.ts', '**/*.e2e.test.ts'];
const INTEGRATION = EVERY_TEST.flatMap((glob) => [
  glob.replace(/\*\.test\.ts$/, '*.int.test.ts'),
  glob.replace(/\*\.test\.ts$/, '*.e2e.test.ts'),
]);

// Tiers by file name, wherever the file lives: unit tests beside the code (*.test.ts: pure, every
// port faked, no network beyond a loopback server of their own), integration tests
// (*.int.test.ts) and end-to-end tests (*.e2e.test.ts, in test/e2e) on the real Redis, the real
// local engine and the real NLP server. `npm test` runs both projects; `npm run test:unit` and
// `npm run test:int` one each.
export default defineConfig({
  ...SOURCE_RESOLVE,
  test: {
    // The chaos suite has its own command (npm run test:chaos) and config.
    exclude: ['test/chaos/**', '**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: more workers only make the CPU-bound extraction tests slower.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: EVERY_TEST, exclude: ['test/chaos/**', '**/node_modules/**', ...ON_REAL_SERVICES] } },
      // Starts whichever service does not answer (and Chromium when it is missing), then stops what it started.
      { extends: true, test: { name: 'int', include: INTEGRATION, globalSetup: ['test/support/global-setup.ts'] } },
    ],
  },
});

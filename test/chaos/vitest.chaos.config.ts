import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { SOURCE_RESOLVE } from '../support/vitest-source-resolve.js';

/** The analysis unit tests first, then the scenarios in their numbered order (vitest would put the last failures first). */
class InNumberOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const key = (f: TestSpecification) => `${f.moduleId.endsWith('.test.ts') ? 0 : 1}${f.moduleId}`;
    return [...files].sort((a, b) => key(a).localeCompare(key(b)));
  }
}

// `npm run test:chaos`: the fault scenarios of issue 6, one file each, one at a time (they
// measure timings and memory on a 2-core machine, and some stop shared-looking services of
// their own). Not part of `npm test`: about 20 minutes with the 10-minute soak.
export default defineConfig({
  // The sources, as in vitest.config.ts.
  ...SOURCE_RESOLVE,
  test: {
    root: new URL('../../', import.meta.url).pathname,
    // The scenarios (*.chaos.ts) and the unit tests of their analysis; `npm test` leaves test/chaos out.
    include: ['test/chaos/**/*.chaos.ts', 'test/chaos/**/*.test.ts'],
    globalSetup: ['test/chaos/support/global-setup.ts'],
    fileParallelism: false,
    sequence: { sequencer: InNumberOrder },
    maxWorkers: 1,
    testTimeout: 30 * 60_000,
    hookTimeout: 15 * 60_000,
    // Tables are printed as the scenarios end.
    reporters: ['default'],
  },
});

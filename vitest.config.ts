import { defineConfig } from 'vitest/config';

// Two configurations: every suite as it is, and the data suites again with the clinic lock on
// (test/data/helpers.ts turns it on for each fresh database), so sealing must change nothing the app sees.
export default defineConfig({
  test: {
    environment: 'node',
    // Generous: on a busy 2-core machine the exhaustive backup tests (every cut and flipped byte) have
    // taken over a minute. Speed is measured by the benchmarks, never by these limits.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'plain',
          include: [
            'test/architecture/**/*.test.ts',
            'test/unit/**/*.test.ts',
            'test/data/**/*.test.ts',
            'test/electron/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'locked',
          include: ['test/data/**/*.test.ts'],
          // These manage the lock (or the raw schema) themselves.
          exclude: [
            'test/data/clinic-lock.test.ts',
            'test/data/clinic-lock-batches.test.ts',
            'test/data/clinic-lock-together.test.ts',
            'test/data/backup-lock.test.ts',
            'test/data/schema-upgrade*.test.ts',
          ],
          env: { GH_TEST_LOCK: 'on' },
        },
      },
    ],
  },
});

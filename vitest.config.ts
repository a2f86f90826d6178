import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'test/unit/**/*.test.{ts,tsx}',
            'test/integration/**/*.test.ts',
            'test/fuzz/**/*.test.ts',
            'test/reliability/**/*.test.ts',
          ],
          fileParallelism: true,
          setupFiles: ['test/setup/fastCheckSeed.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Each e2e file drives a Chromium: run them one after another, after the rest, with one
        // sample bucket per run (globalSetup) and CI-sized timeouts (never timing assertions).
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          globalSetup: ['test/e2e/globalSetup.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

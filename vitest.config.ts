import { defineConfig } from 'vitest/config';

// Four tiers (DESIGN §8); `npm test` runs them all, `vitest run --project unit` runs one.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // e2e-settings first: it sets the environment the local twin reads when it starts.
          globalSetup: ['test/support/e2e-settings.ts', 'test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One browser at a time on a 2-core machine, against one shared local stack.
          fileParallelism: false,
        },
      },
    ],
  },
});

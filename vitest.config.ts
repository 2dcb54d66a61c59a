import { defineConfig } from 'vitest/config';

// Four tiers (DESIGN §8); `npm test` (scripts/test.ts) runs them all, `vitest run --project unit` runs one.
export default defineConfig({
  test: {
    // Vitest's default on 2 cores is one worker, which runs every file in turn; the unit,
    // integration and infra files are independent (each integration file has its own table).
    // They run in worker threads, not forked processes: measured here, the unit tier took 24
    // CPU-seconds instead of 38, the integration files (without the capacity test) 57 instead
    // of 64, the infra tier 31 instead of 37. The e2e files keep their own processes (in
    // threads, once in one run, a console page did not report an expired session in 30 s).
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', pool: 'threads' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          pool: 'threads',
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          pool: 'threads',
          testTimeout: 120_000,
          // The first synth bundles every function with esbuild: minutes on a loaded 2-core machine.
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // e2e-settings first: it sets the environment the local twin reads when it starts.
          globalSetup: ['test/support/e2e-settings.ts', 'test/e2e/global-setup.ts'],
          // Measured at load 26 on 2 cores: a sign-in takes up to 50 s and the organiser console
          // test 60 s and more (three times a quiet run), so the limits leave room for that.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // expect.poll waits 1 s by default: too short for an island on a busy 2-core machine.
          expect: { poll: { timeout: 30_000 } },
          // One file at a time against the one shared local twin: two organisers' files editing
          // and publishing the same agenda at once made the editor's grid change under a test.
          fileParallelism: false,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

/**
 * Three tiers, so what needs no service runs anywhere and only the checks that need a real S3 or a
 * browser pay for one: unit needs nothing (it also runs the boundary check, ESLint and Prettier);
 * integration needs radosgw and the keyring; e2e adds Chromium and the built renderer. Service-backed
 * tiers start their services in globalSetup, or reuse the ones `npm run test:all` started
 * (SIGNDROP_S3_ENDPOINT, SIGNDROP_KEYRING_DIR).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/setup/services.ts'],
          setupFiles: ['test/setup/service-env.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/setup/services.ts'],
          setupFiles: ['test/setup/service-env.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // Benchmarks that print figures (npm run bench:renderer); not part of test:all.
        test: {
          name: 'perf',
          include: ['test/perf/**/*.perf.ts'],
          globalSetup: ['test/setup/services.ts'],
          setupFiles: ['test/setup/service-env.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

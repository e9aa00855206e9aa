import { defineConfig } from 'vitest/config';

// The browser tier: real platform processes, real HTTP, headless Chromium. Files run one at a time (2 cores).
export default defineConfig({
  test: {
    name: 'e2e',
    root: '.',
    include: ['e2e/**/*.e2e.ts'],
    // The audio/video journey needs a loopback-only network namespace: `npm run test:av` (e2e/av/vitest.config.ts).
    exclude: ['e2e/av/**'],
    globalSetup: ['e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});

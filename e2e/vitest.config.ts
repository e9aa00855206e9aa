import { defineConfig } from 'vitest/config';

// The browser tier: real platform processes, real HTTP, headless Chromium. Files run one at a time (2 cores).
export default defineConfig({
  test: {
    name: 'e2e',
    root: '.',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});

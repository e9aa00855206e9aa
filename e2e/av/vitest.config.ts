import { defineConfig } from 'vitest/config';

// The audio/video journey (`npm run test:av`): run by scripts/test-av.mjs inside a loopback-only network namespace,
// where Chromium's peer connections find their loopback candidates (STACK.md); the platforms use the embedded
// database there (PostgreSQL on 127.0.0.1:5432 is outside the namespace).
export default defineConfig({
  test: {
    name: 'e2e-av',
    root: '.',
    include: ['e2e/av/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});

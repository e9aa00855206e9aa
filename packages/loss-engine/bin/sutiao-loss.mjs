#!/usr/bin/env node
// Launcher: runs the bundled CLI (bin/bundle.mjs; the worker threads use the bundled worker), or, when it
// cannot be built, registers the tsx loader (resolved from this package, so it works from any cwd) and runs the
// TypeScript CLI (worker threads then register it themselves, src/cli/worker-boot.mjs).
import { bundled } from './bundle.mjs';

const b = await bundled();
if (b) {
  globalThis.__sutiaoLossWorker = b.worker;
  await import(b.cli.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}

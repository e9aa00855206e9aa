#!/usr/bin/env node
// Launcher: registers the tsx loader in this process (resolved from this package, so it works from any cwd)
// and runs the TypeScript CLI. Worker threads register it themselves (src/cli/worker-boot.mjs).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');

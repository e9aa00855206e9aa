import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildServer } from '../../packages/server/scripts/build-server.mjs';
import { ensureWebBuilt } from '../../scripts/ensure-installed.mjs';
import { launchPlatforms, PLATFORMS } from './system.ts';

/**
 * Once per run: the built client the platforms serve, the server's JavaScript build, and one data folder per
 * platform started once with `--seed-demo` (database initialized, migrated with the migrations present now, demo
 * data seeded, keys made). Each journey file copies those folders (system.ts).
 */
export default async function setup(project: TestProject) {
  ensureWebBuilt();
  // Inside the repository, so the bundle resolves its npm packages from node_modules; a folder of this run's own,
  // so a concurrent `npm start` rebuilding packages/server/dist cannot change the server under test.
  await mkdir('.tmp', { recursive: true });
  const runDir = resolve(await mkdtemp(join('.tmp', 'e2e-')));
  try {
    const started = performance.now();
    const serverMain = join(await buildServer(join(runDir, 'dist')), 'main.mjs');
    const seededDataRoot = join(runDir, 'seeded');
    const seeding = await launchPlatforms(serverMain, seededDataRoot, PLATFORMS);
    await seeding.stop();
    console.log(`server built and demo data seeded in ${Math.round(performance.now() - started)} ms`);
    project.provide('journeyBuild', { serverMain, seededDataRoot });
  } catch (error) {
    await rm(runDir, { recursive: true, force: true });
    throw error;
  }
  return () => rm(runDir, { recursive: true, force: true });
}

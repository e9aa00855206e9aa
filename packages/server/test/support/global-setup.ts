import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  buildDatabaseTemplates,
  type DatabaseTemplates,
  dropPostgresTemplates,
} from './database-templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates;
  }
}

/** The server tier migrates and seeds once per run; each test file copies the templates (test-databases.ts). */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), 'sutiao-templates-'));
  const started = performance.now();
  const templates = await buildDatabaseTemplates(dir).catch(async (error: unknown) => {
    await rm(dir, { recursive: true, force: true });
    throw error;
  });
  console.log(`database templates built in ${Math.round(performance.now() - started)} ms`);
  project.provide('databaseTemplates', templates);
  return async () => {
    await dropPostgresTemplates(templates.postgresDatabases);
    await rm(dir, { recursive: true, force: true });
  };
}

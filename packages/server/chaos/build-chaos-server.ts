import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../scripts/build-server.mjs';

/**
 * The server as production runs it (one JavaScript bundle, no TypeScript loader), built from the working tree into
 * chaos/dist — the harness's own copy, so a run never replaces the dist/ that `npm start` or the journeys use.
 */
export async function buildChaosServer(): Promise<string> {
  const outDir = fileURLToPath(new URL('./dist', import.meta.url));
  await buildServer(outDir);
  return join(outDir, 'main.mjs');
}

#!/usr/bin/env node
// Builds the server into plain JavaScript (dist/main.mjs, dist/verify-audit-cli.mjs) so the platforms run without a
// TypeScript loader. The workspace packages (@sutiao/domain, @sutiao/loss-engine) are bundled in, being TypeScript
// sources, and so are two pure-ESM npm packages (BUNDLED); the others stay external and load from node_modules.
// What the code reads relative to import.meta.url at run time is put beside the bundle: the SQL migrations (copied
// as a folder, so new ones need no list here). The CJK font is resolved through node_modules (adapters/pdf/fonts.ts).
import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const SERVER = fileURLToPath(new URL('../', import.meta.url));

export const SERVER_ENTRIES = {
  main: 'src/platform/main.ts',
  'verify-audit-cli': 'src/platform/verify-audit-cli.ts',
  'docking-peer-cli': 'src/platform/docking-peer-cli.ts',
};

/**
 * Bundled besides our own workspace packages (TypeScript, so they must be compiled): pure-ESM packages of hundreds of
 * small files, whose loading was a large part of a start (kysely ~0.25–0.45 s, typebox ~0.12–0.22 s here).
 */
const BUNDLED = [/^@sutiao\//, /^kysely(\/|$)/, /^@sinclair\/typebox(\/|$)/];

/** Every other bare import stays external: npm packages load from node_modules (native parts, data files, wasm). */
const externalNpmPackages = {
  name: 'external-npm-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      BUNDLED.some((pattern) => pattern.test(args.path)) ? undefined : { path: args.path, external: true },
    );
  },
};

/** Builds into `outDir` (default packages/server/dist); writes to a sibling folder first so a failed build leaves the old one. */
export async function buildServer(outDir = join(SERVER, 'dist')) {
  const target = resolve(outDir);
  const staging = `${target}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  await build({
    absWorkingDir: SERVER,
    entryPoints: SERVER_ENTRIES,
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    plugins: [externalNpmPackages],
    logLevel: 'warning',
  });
  cpSync(join(SERVER, 'src/adapters/db/migrations'), join(staging, 'migrations'), { recursive: true });
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
  return target;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildServer(process.argv[2]);
  console.log(`server built into ${out}`);
}

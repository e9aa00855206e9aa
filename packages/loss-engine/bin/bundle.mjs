// Fast start: the CLI and its worker run from one esbuild bundle each, built at first use into dist/ (named by
// a hash of every source file's path, size and mtime, so any edit rebuilds) — instead of the tsx loader
// compiling each TypeScript file at every start. Without esbuild, or if the build fails, returns null and the
// caller uses tsx.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

function sourceKey() {
  const h = createHash('sha256');
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else {
        const s = statSync(p);
        h.update(`${p}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  walk(`${root}src`);
  h.update(process.version);
  return h.digest('hex').slice(0, 16);
}

/** file URLs of the bundled CLI and worker, building them if needed; null when that is not possible. */
export async function bundled() {
  try {
    const key = sourceKey();
    const dir = `${root}dist`;
    const cli = `${dir}/cli-${key}.mjs`;
    const worker = `${dir}/worker-${key}.mjs`;
    if (!existsSync(cli) || !existsSync(worker)) {
      const esbuild = await import('esbuild');
      mkdirSync(dir, { recursive: true });
      for (const [entry, out] of [
        ['src/cli/worker.ts', worker],
        ['src/cli/main.ts', cli],
      ]) {
        const tmp = `${out}.tmp-${process.pid}`;
        esbuild.buildSync({
          entryPoints: [`${root}${entry}`],
          bundle: true,
          platform: 'node',
          format: 'esm',
          target: 'node20',
          packages: 'external',
          outfile: tmp,
          logLevel: 'silent',
        });
        renameSync(tmp, out);
      }
      for (const f of readdirSync(dir))
        if (/^(cli|worker)-[0-9a-f]{16}\.mjs$/.test(f) && !f.includes(key))
          rmSync(`${dir}/${f}`, { force: true });
    }
    return { cli: pathToFileURL(cli), worker: pathToFileURL(worker) };
  } catch {
    return null;
  }
}

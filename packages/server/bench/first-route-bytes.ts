import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

export interface FirstRouteBytes {
  files: Array<{ file: string; raw: number; gzip: number; brotli: number | null }>;
  raw: number;
  gzip: number;
  brotli: number;
}

/**
 * What a browser fetches to show one route of the built web client: every script and stylesheet index.html
 * references (entry, module preloads, CSS) plus the route's lazy chunk with its static imports and their CSS (read
 * from Vite's manifest). Sizes are those of the .gz/.br files the build wrote beside each (gzip -9 when missing).
 */
export function firstRouteBytes(webDist: string, routeModule = 'src/pages/login-page.tsx'): FirstRouteBytes {
  const html = readFileSync(join(webDist, 'index.html'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(webDist, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const wanted = new Set(
    [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!),
  );
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    if (wanted.has(chunk.file) && key !== routeModule) return;
    wanted.add(chunk.file);
    for (const css of chunk.css ?? []) wanted.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(routeModule);
  const files = [...wanted].map((file) => {
    const path = join(webDist, file);
    const size = (p: string) => (existsSync(p) ? statSync(p).size : null);
    const raw = statSync(path).size;
    return {
      file,
      raw,
      gzip: size(`${path}.gz`) ?? gzipSync(readFileSync(path), { level: 9 }).length,
      brotli: size(`${path}.br`),
    };
  });
  const sum = (pick: (f: (typeof files)[number]) => number) => files.reduce((total, f) => total + pick(f), 0);
  return { files, raw: sum((f) => f.raw), gzip: sum((f) => f.gzip), brotli: sum((f) => f.brotli ?? f.gzip) };
}

import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Files under assets/ carry a content hash in their name (Vite): a new build has new names, so keep them forever. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built web client (packages/web/dist) at `/`. Hashed assets are cached for a year; index.html and the
 * other unhashed files are revalidated on every load (`no-cache`, with ETag), so a new build is picked up at once.
 * The build writes brotli and gzip files beside each asset (vite.config.ts); they are sent by `Accept-Encoding`,
 * with `vary: accept-encoding`, instead of compressing on every request.
 */
export async function serveWebClient(app: FastifyInstance, webDist: string): Promise<void> {
  if (!existsSync(webDist)) return;
  const root = resolve(webDist);
  const assets = join(root, 'assets') + sep;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    // The .br/.gz copies are found by `preCompressed`, not by routes of their own.
    globIgnore: ['**/*.br', '**/*.gz'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) =>
      void reply.header('cache-control', path.startsWith(assets) ? IMMUTABLE : 'no-cache'),
  });
  // Client-side routes get the single-page app. A missing file (e.g. an asset of an older build) must be a
  // 404, not index.html, or the browser reports a MIME error instead of reloading.
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || /\.[a-z0-9]+$/i.test(path)) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
}

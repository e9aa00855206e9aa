import type { FastifyInstance } from 'fastify';

/**
 * The web client is one script bundle and its stylesheets, all from this origin (Vite build, no inline script).
 * Styles may be inline: antd writes its CSS-in-JS into <style> elements at run time. Images and fonts may be data:
 * URLs (the favicon in index.html). The Swagger UI at /api/docs loads its scripts as files too, so one policy fits all.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** One year, as HSTS preload lists expect; sent only when the platform is reached over https. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Headers on every answer: no framing, no type sniffing, no referrer leaving the origin (verification links carry
 * codes), a CSP, and HSTS when the public URL is https. Every /api answer may carry personal data, so none is stored
 * by the browser or a shared cache; the static client sets its own cache headers (static-web.ts).
 */
export function installSecurityHeaders(app: FastifyInstance, options: { https: boolean }) {
  app.addHook('onSend', async (request, reply, payload) => {
    const path = request.url.split('?')[0] ?? '';
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (options.https) reply.header('strict-transport-security', HSTS);
    if (path.startsWith('/api/') && !path.startsWith('/api/docs')) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}

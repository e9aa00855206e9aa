import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import './fastify-types.ts';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import { MAX_SIGNAL_FRAME_BYTES } from '@sutiao/domain/sessions/signaling-messages.ts';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { SIGNAL_CLOSE } from '../../use-cases/mediation/sessions/session-hub.ts';
import { stopSessionSignaling } from '../../use-cases/mediation/sessions/signaling-relay.ts';
import { answerFrameworkError, installErrorHandler } from './error-handler.ts';
import { installRateLimits } from './rate-limit.ts';
import { registerRoutes } from './routes/index.ts';
import { installSessionHooks } from './session-hooks.ts';
import { lazySchemaCompilers } from './lazy-schema-compilers.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { serveWebClient } from './static-web.ts';
import { installStrictInput, strictBodies } from './strict-input.ts';

const MAX_UPLOAD_BYTES = INPUT_LIMITS.evidenceFileMb * 1024 * 1024;

interface AppOptions {
  /** Built web client to serve at `/` (packages/web/dist); omitted in API-only tests. */
  webDist?: string;
  logger?: boolean;
  /** Per-address limits on sign-in and verification (default on; off for automated tests from one address). */
  rateLimits?: boolean;
  /**
   * Reverse proxies whose X-Forwarded-For is believed (addresses, CIDR ranges; config `--trusted-proxies`). None by
   * default: the client address is then the connection's, whatever the request claims.
   */
  trustedProxies?: readonly string[];
}

export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const compilers = lazySchemaCompilers();
  const { buildValidator, buildSerializer } = compilers.schemaController.compilersFactory ?? {};
  if (!buildValidator || !buildSerializer) throw new Error('schema compilers missing');
  const trustedProxies = options.trustedProxies ?? [];
  const app = Fastify({
    schemaController: {
      compilersFactory: { buildValidator: strictBodies(buildValidator), buildSerializer },
    },
    logger: options.logger ? { level: 'info' } : false,
    frameworkErrors: answerFrameworkError,
    trustProxy: trustedProxies.length > 0 ? [...trustedProxies] : false,
    bodyLimit: 1024 * 1024,
    // A plugin's start (swagger-ui reads its assets) is slow on a busy machine; 10 s (the default) failed a start at
    // load 9 on two cores. A start that hangs still fails, after a minute.
    pluginTimeout: 60_000,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  compilers.compileAfterListen(app);
  await app.register(cookie);
  // Before multipart: this replaces every body parser, multipart registers its own after.
  installStrictInput(app);
  installSecurityHeaders(app, { https: deps.publicUrl.startsWith('https:') });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } });
  await app.register(swagger, {
    // Named shapes (app.addSchema with an $id) keep their names as OpenAPI components, for the generated web types.
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
    openapi: {
      info: {
        title:
          deps.platform === 'court'
            ? '人民法院调解平台 API (Sutiao court platform)'
            : '中国投资者网在线调解平台 API (Sutiao mediation platform)',
        version: '0.1.0',
        description: 'Errors are `{code, message}`; the message follows Accept-Language (zh-CN default, en).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: `sutiao_${deps.platform}_sid` },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  // Sessions' signaling (routes/mediation/sessions.ts), on the mediation platform only; a frame larger than the
  // protocol allows closes the socket. On stopping, the channels it holds or relays close with 1012 (reconnect) before
  // the listener goes.
  if (deps.platform === 'mediation')
    await app.register(websocket, {
      options: { maxPayload: MAX_SIGNAL_FRAME_BYTES },
      async preClose() {
        await stopSessionSignaling(deps);
        for (const client of app.websocketServer.clients)
          client.close(SIGNAL_CLOSE.restarting, 'server stopping');
        await new Promise<void>((done) => app.websocketServer.close(() => done()));
      },
    });
  installErrorHandler(app, deps);
  if (options.rateLimits !== false) installRateLimits(app, deps);
  installSessionHooks(app, deps);

  registerRoutes(app, deps);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (options.webDist) await serveWebClient(app, options.webDist);
  await app.ready();
  return app;
}

import { parseArgs } from 'node:util';
import type { Platform } from '@sutiao/domain/roles.ts';

export interface PlatformConfig {
  platform: Platform;
  /** This deployment's id on the docking link (what its peers register it under): SUTIAO_PLATFORM_ID. */
  platformId: string;
  host: string;
  port: number;
  /** Set: run on that PostgreSQL server. Unset: embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  webDist: string | undefined;
  seedDemo: boolean;
  logger: boolean;
  rateLimits: boolean;
}

const DEFAULT_PORTS: Record<Platform, number> = { court: 3100, mediation: 3200 };

/** Flags win over environment variables; both are documented in the README. */
export function readConfig(argv: string[], env: NodeJS.ProcessEnv): PlatformConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      platform: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'public-url': { type: 'string' },
      'web-dist': { type: 'string' },
      'seed-demo': { type: 'boolean' },
      quiet: { type: 'boolean' },
    },
    strict: true,
  });
  const platform = values.platform ?? env.SUTIAO_PLATFORM;
  if (platform !== 'court' && platform !== 'mediation') {
    throw new Error('--platform must be court or mediation (or set SUTIAO_PLATFORM)');
  }
  const port = Number(values.port ?? env.PORT ?? DEFAULT_PORTS[platform]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${values.port}`);
  const host = values.host ?? env.HOST ?? '127.0.0.1';
  return {
    platform,
    platformId: env.SUTIAO_PLATFORM_ID || `sutiao-${platform}`,
    host,
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: values['data-dir'] ?? env.SUTIAO_DATA_DIR ?? `data/${platform}`,
    publicUrl:
      values['public-url'] ??
      env.SUTIAO_PUBLIC_URL ??
      `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    webDist: values['web-dist'] ?? env.SUTIAO_WEB_DIST,
    seedDemo: values['seed-demo'] ?? env.SUTIAO_SEED_DEMO === '1',
    logger: !values.quiet,
    rateLimits: env.SUTIAO_RATE_LIMITS !== 'off',
  };
}

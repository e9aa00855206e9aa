import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import type { Platform } from '@sutiao/domain/roles.ts';
import type { MediaRelayConfig } from '../deps.ts';

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
  /**
   * Addresses or CIDR ranges of the reverse proxies in front of this platform (or `loopback`, `linklocal`,
   * `uniquelocal`). Only a request arriving from one of them may name its client in X-Forwarded-For; with none
   * (the default) the header is ignored, so nobody can pick the address a rate limit counts.
   */
  trustedProxies?: string[];
  /** ICE servers for sessions' media (STUN, and TURN with shared-secret credentials, as coturn's use-auth-secret). */
  media?: MediaRelayConfig;
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
      'trusted-proxies': { type: 'string' },
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
    media: readMediaRelay(env),
    trustedProxies: readTrustedProxies(values['trusted-proxies'] ?? env.SUTIAO_TRUSTED_PROXIES ?? ''),
  };
}

const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** A comma-separated list; anything that is not an address, a CIDR range or a keyword stops the start. */
export function readTrustedProxies(list: string): string[] {
  const entries = list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = '', bits, ...rest] = entry.split('/');
    const prefix = bits === undefined ? 0 : /^\d{1,3}$/.test(bits) ? Number(bits) : -1;
    const max = isIP(address) === 6 ? 128 : 32;
    const valid =
      PROXY_KEYWORDS.has(entry) ||
      (isIP(address) !== 0 && rest.length === 0 && Number.isInteger(prefix) && prefix >= 0 && prefix <= max);
    if (!valid)
      throw new Error(
        `invalid trusted proxy: ${entry} (an address, a CIDR range or ${[...PROXY_KEYWORDS].join(', ')})`,
      );
  }
  return entries;
}

const urls = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u.length > 0);

/** SUTIAO_STUN_URLS, SUTIAO_TURN_URLS (comma-separated), SUTIAO_TURN_SECRET, SUTIAO_ICE_RELAY_ONLY=1. */
export function readMediaRelay(env: NodeJS.ProcessEnv): MediaRelayConfig {
  return {
    stunUrls: urls(env.SUTIAO_STUN_URLS),
    turnUrls: urls(env.SUTIAO_TURN_URLS),
    turnSecret: env.SUTIAO_TURN_SECRET || null,
    relayOnly: env.SUTIAO_ICE_RELAY_ONLY === '1',
  };
}

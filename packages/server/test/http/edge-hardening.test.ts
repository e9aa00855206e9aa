import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig, readTrustedProxies } from '../../src/platform/config.ts';
import { DEMO_PASSWORD } from '../../src/platform/seed/demo-users.ts';
import { buildApp } from '../../src/transport/http/app.ts';
import { createTestPlatform, type TestPlatform } from '../support/test-platform.ts';

const guess = (app: FastifyInstance, remoteAddress: string, forwardedFor?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
    payload: { username: 'someone', password: 'guess-123456' },
  });

/** Statuses of `n` sign-in guesses, the i-th sent by `send(i)`. */
async function statuses(n: number, send: (i: number) => ReturnType<typeof guess>) {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await send(i)).statusCode);
  return out;
}

describe('X-Forwarded-For and the per-address limits', () => {
  let t: TestPlatform;
  let direct: FastifyInstance;
  let proxied: FastifyInstance;
  beforeAll(async () => {
    t = await createTestPlatform('pglite');
    direct = await buildApp(t.deps);
    proxied = await buildApp(t.deps, { trustedProxies: ['10.9.0.0/16'] });
  });
  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
    await t?.close();
  });

  it('ignores a forged X-Forwarded-For when no proxy is trusted: changing it does not reset the limit', async () => {
    const answers = await statuses(31, (i) => guess(direct, '10.0.0.1', `198.51.100.${i}`));
    expect(answers.slice(0, 30)).not.toContain(429);
    expect(answers[30]).toBe(429);
  });

  it('counts the client a trusted proxy names, and only a trusted proxy', async () => {
    const viaProxy = await statuses(31, () => guess(proxied, '10.9.0.5', '203.0.113.7'));
    expect(viaProxy[30]).toBe(429);
    // Another client behind the same proxy has its own count.
    expect((await guess(proxied, '10.9.0.5', '203.0.113.8')).statusCode).not.toBe(429);
    // A request from outside the trusted range is counted by its own address, whatever it claims.
    const forged = await statuses(31, (i) => guess(proxied, '10.0.0.2', `198.51.100.${i}`));
    expect(forged[30]).toBe(429);
  });

  it('reads the trusted proxies from --trusted-proxies or SUTIAO_TRUSTED_PROXIES, and refuses anything else', () => {
    const base = ['--platform', 'mediation'];
    expect(readConfig(base, {}).trustedProxies).toEqual([]);
    expect(readConfig([...base, '--trusted-proxies', '10.0.0.1, 10.1.0.0/16'], {}).trustedProxies).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
    ]);
    expect(readConfig(base, { SUTIAO_TRUSTED_PROXIES: 'loopback,::1' }).trustedProxies).toEqual([
      'loopback',
      '::1',
    ]);
    for (const bad of ['*', 'proxy.example', '10.0.0.0/33', '10.0.0.0/', '10.0.0.1/8/8', 'true']) {
      expect(() => readTrustedProxies(bad), bad).toThrow(/invalid trusted proxy/);
    }
  });
});

describe('security headers', () => {
  let t: TestPlatform;
  let app: FastifyInstance;
  let httpsApp: FastifyInstance;
  beforeAll(async () => {
    const dist = await mkdtemp(join(tmpdir(), 'sutiao-csp-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(
      join(dist, 'index.html'),
      '<!doctype html><script type="module" src="/assets/a-1.js"></script>',
    );
    await writeFile(join(dist, 'assets', 'a-1.js'), 'console.log(1)');
    t = await createTestPlatform('pglite');
    app = await buildApp(t.deps, { webDist: dist, rateLimits: false });
    httpsApp = await buildApp({ ...t.deps, publicUrl: 'https://tiaojie.example.cn' }, { rateLimits: false });
  });
  afterAll(async () => {
    await app?.close();
    await httpsApp?.close();
    await t?.close();
  });

  const policy = (header: unknown) =>
    new Map(
      String(header)
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name = '', ...values]) => [name, values]),
    );

  it('sends a CSP without inline script that forbids framing, with nosniff and a referrer policy', async () => {
    for (const url of ['/', '/cases/1', '/assets/a-1.js', '/api/health', '/api/no-such-route']) {
      const res = await app.inject({ url });
      const csp = policy(res.headers['content-security-policy']);
      expect(csp.get('script-src'), url).toEqual(["'self'"]);
      expect(csp.get('default-src'), url).toEqual(["'self'"]);
      expect(csp.get('object-src'), url).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors'), url).toEqual(["'none'"]);
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('same-origin');
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('sends HSTS when the platform is served over https', async () => {
    const res = await httpsApp.inject({ url: '/api/health' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('marks every API answer no-store, personal ones and errors alike; the web client keeps its caching', async () => {
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'investor1', password: DEMO_PASSWORD },
    });
    expect(signIn.statusCode).toBe(200);
    const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect(signIn.headers['cache-control']).toBe('no-store');
    const me = await app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    expect((await app.inject({ url: '/api/cases' })).headers['cache-control']).toBe('no-store');
    expect((await app.inject({ url: '/assets/a-1.js' })).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect((await app.inject({ url: '/' })).headers['cache-control']).toBe('no-cache');
  });
});

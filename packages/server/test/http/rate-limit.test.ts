import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

describe('per-address limits on sign-in and verification codes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', 'mediation', { rateLimits: true });
  });
  afterAll(async () => t?.close());

  const login = (ip: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      headers: { 'accept-language': 'en' },
      payload: { username: 'someone', password: 'guess-123456' },
    });

  it('answers 429 RATE_LIMITED past 30 sign-ins a minute from one address, and not for another address', async () => {
    for (let i = 0; i < 30; i++) expect((await login('10.0.0.1')).statusCode).not.toBe(429);
    const blocked = await login('10.0.0.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toEqual({
      code: 'RATE_LIMITED',
      message: 'Too many requests. Please try again later.',
    });
    expect((await login('10.0.0.2')).statusCode).not.toBe(429);
    t.clock.advance(61_000);
    expect((await login('10.0.0.1')).statusCode).not.toBe(429);
  });

  it('limits guessing of verification codes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      statuses.push(
        (await t.app.inject({ url: '/api/verify/AAAA-AAAA-AAAA', remoteAddress: '10.0.0.3' })).statusCode,
      );
    }
    expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
    expect(statuses[60]).toBe(429);
  });
});

import { DEMO_PASSWORD } from '../src/platform/seed/demo-users.ts';

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers of many routes, read field by field by the scenario
  body: any;
}

/** A connection error (the platform is down or restarting): the request may or may not have taken effect. */
export class Unreachable extends Error {}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One signed-in user of one platform over real HTTP: the session cookie and CSRF token as a browser holds them.
 * A request that cannot reach the platform throws Unreachable; `get` retries until the platform answers.
 */
export class UserSession {
  private cookie = '';
  private csrf = '';

  constructor(
    readonly baseUrl: string,
    readonly username: string,
  ) {}

  async signIn(): Promise<void> {
    const res = await this.raw('POST', '/api/auth/login', {
      username: this.username,
      password: DEMO_PASSWORD,
    });
    if (res.status !== 200)
      throw new Error(`sign-in of ${this.username}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  private async raw(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.baseUrl), {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(this.cookie ? { cookie: this.cookie } : {}),
          ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(120_000),
      });
    } catch (error) {
      throw new Unreachable(`${method} ${path}: ${(error as Error).message}`);
    }
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await response.text().catch(() => '');
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    if (response.status === 200 && path === '/api/auth/login') {
      this.csrf = (parsed as { csrfToken: string }).csrfToken;
    }
    return { status: response.status, body: parsed };
  }

  /** One request; a 401 (session lost with a restart before it was written) signs in again once. */
  async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
    const answer = await this.raw(method, path, body);
    if (answer.status !== 401) return answer;
    await this.signIn();
    return this.raw(method, path, body);
  }

  /** A read, repeated while the platform is unreachable (a read has no effect to lose). */
  async get(path: string, timeoutMs = 120_000): Promise<Answer> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await this.call('GET', path);
      } catch (error) {
        if (!(error instanceof Unreachable) || Date.now() > deadline) throw error;
        await pause(200);
      }
    }
  }
}

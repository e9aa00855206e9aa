import { DEMO_PASSWORD } from '../src/platform/seed/demo-users.ts';

export interface Session {
  username: string;
  cookie: string;
  csrf: string;
}

/** Signs in through the real login endpoint; the session cookie and CSRF token are what later requests send. */
export async function signIn(baseUrl: string, username: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { username, cookie, csrf: csrfToken };
}

/** Signs in many users, a few at a time (each login is one argon2 verification on the server). */
export async function signInAll(baseUrl: string, usernames: string[], parallel = 4): Promise<Session[]> {
  const sessions: Session[] = [];
  for (let i = 0; i < usernames.length; i += parallel) {
    const batch = usernames.slice(i, i + parallel);
    sessions.push(...(await Promise.all(batch.map((u) => signIn(baseUrl, u)))));
  }
  return sessions;
}

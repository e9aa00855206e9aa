import { createHmac } from 'node:crypto';

/**
 * Time-limited TURN credentials in the form coturn checks with `use-auth-secret` (the TURN REST API draft): the
 * username is the expiry time in Unix seconds and the user id, the password base64(HMAC-SHA1(secret, username)).
 * The secret never leaves the server; a leaked password stops working at its expiry.
 */
export function turnCredentials(
  secret: string,
  userId: string,
  now: Date,
  ttlSeconds: number,
): { username: string; credential: string; expiresAt: Date } {
  const expiry = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const username = `${expiry}:${userId}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential, expiresAt: new Date(expiry * 1000) };
}

import { createHash } from 'node:crypto';

/** Sessions are stored by the SHA-256 of their token, so a database read does not yield usable cookies. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

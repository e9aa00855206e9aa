import { appError } from './errors.ts';

export const PASSWORD_MIN_LENGTH = 8;

// The most common passwords in published breach corpora, plus local favourites; compared case-insensitively.
const BLOCKLIST = new Set(
  [
    '12345678',
    '123456789',
    '1234567890',
    '123123123',
    '11111111',
    '00000000',
    '88888888',
    '66666666',
    '87654321',
    '12341234',
    '11223344',
    'password',
    'password1',
    'password123',
    'passw0rd',
    'p@ssw0rd',
    'qwertyui',
    'qwerty123',
    'qwertyuiop',
    '1qaz2wsx',
    '1q2w3e4r',
    'abc12345',
    'abcd1234',
    'a1234567',
    'iloveyou',
    'welcome1',
    'admin123',
    'administrator',
    'sunshine',
    'football',
    'baseball',
    'princess',
    'zxcvbnm1',
    'woaini1314',
    '5201314520',
    'aa123456',
    'asd12345',
    'asdfghjk',
    'letmein1',
    'changeme',
    'trustno1',
    'superman',
    'computer',
    'internet',
    'whatever',
    'starwars',
    'dragon12',
    'monkey12',
    'sutiao123',
    'sutiao2026',
    'mediation',
    'investor',
  ].map((p) => p.toLowerCase()),
);

/** Returns the reason a password is refused, or null when it is acceptable. */
function passwordProblem(password: string, username?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > 128) return 'at most 128 characters';
  const lower = password.toLowerCase();
  if (BLOCKLIST.has(lower)) return 'too common';
  if (username && lower.includes(username.toLowerCase())) return 'must not contain the username';
  if (/^(.)\1+$/.test(password)) return 'must not repeat one character';
  return null;
}

const REASONS_ZH: Readonly<Record<string, string>> = {
  [`at least ${PASSWORD_MIN_LENGTH} characters`]: `至少 ${PASSWORD_MIN_LENGTH} 个字符`,
  'at most 128 characters': '最多 128 个字符',
  'too common': '过于常见',
  'must not contain the username': '不得包含用户名',
  'must not repeat one character': '不得由同一字符重复组成',
};

export function assertPasswordAcceptable(password: string, username?: string): void {
  const reason = passwordProblem(password, username);
  if (reason)
    throw appError('PASSWORD_TOO_WEAK', { reason: { zh: REASONS_ZH[reason] ?? reason, en: reason } });
}

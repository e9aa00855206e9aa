import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read off paper or over the phone can't be mistyped into another one.
const ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** A random code like `7KQ4-MXTA-93HC` (≈ 55 bits), printed on the agreement and used at /verify/<code>. */
export function newVerificationCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** Upper-cases and re-inserts dashes, so `7kq4 mxta 93hc` finds `7KQ4-MXTA-93HC`; anything else is null. */
export function normalizeVerificationCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== GROUPS * GROUP_LENGTH) return null;
  for (const ch of compact) if (!ALPHABET.includes(ch)) return null;
  return compact.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))?.join('-') ?? null;
}

/** The public page that checks a document by the code printed on it (both platforms serve `/verify/<code>`). */
export const verifyUrl = (publicUrl: string, code: string): string =>
  `${publicUrl}/verify/${encodeURIComponent(code)}`;

import { appError } from './errors.ts';

/**
 * Money is integer fen (分) everywhere; these helpers only convert at the edges, with no floating point. Every
 * parse and format of an amount, on the server and in the web client, goes through this module.
 */

/** Largest amount a person may enter or a request may carry: ¥ 99,999,999,999.99, well inside safe integers. */
export const MAX_AMOUNT_FEN = 9_999_999_999_999;

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen))
    throw appError('VALIDATION_FAILED', { reason: `not an integer fen amount: ${fen}` });
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 1234567 → "12345.67" (plain, for forms and CSV). */
export function fenToYuanString(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = String(Math.abs(fen)).padStart(3, '0');
  return `${sign}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

/** 1234567 → "¥12,345.67"; negative → "-¥12.00". */
export function formatFen(fen: number): string {
  const plain = fenToYuanString(fen);
  const sign = plain.startsWith('-') ? '-' : '';
  const [yuan = '0', jiao = '00'] = plain.replace('-', '').split('.');
  return `${sign}¥${groupThousands(yuan)}.${jiao}`;
}

const YUAN = /^(-)?[¥￥]?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses a yuan amount exactly: "12,345.67", "¥12345.6", "100" → fen. More than two decimals, malformed grouping or
 * anything beyond a safe integer is rejected rather than rounded.
 */
export function parseYuanToFen(text: string): number {
  const match = YUAN.exec(text.trim());
  if (!match) throw appError('VALIDATION_FAILED', { reason: `not a yuan amount: ${text}` });
  const [, minus, yuan = '0', decimals = ''] = match;
  const fen = BigInt(yuan.replaceAll(',', '')) * 100n + BigInt(decimals.padEnd(2, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER))
    throw appError('VALIDATION_FAILED', { reason: `amount too large: ${text}` });
  const value = Number(fen);
  return minus && value !== 0 ? -value : value;
}

const TYPED_YUAN = /^(\d{1,13})(?:\.(\d{0,2}))?$/;

/**
 * Reads an amount a person typed in a form ("12,345.67", "¥ 100", "0.5", "12."): grouping commas (also the
 * full-width one) and spaces are ignored. Returns null for anything that is not a non-negative amount with at most
 * two decimals up to MAX_AMOUNT_FEN, so the form can say so instead of throwing.
 */
export function readTypedYuan(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/[,，\s]/g, '');
  const match = TYPED_YUAN.exec(cleaned);
  if (!match) return null;
  const [, yuan = '0', decimals = ''] = match;
  const fen = BigInt(yuan) * 100n + BigInt(decimals.padEnd(2, '0'));
  return fen > BigInt(MAX_AMOUNT_FEN) ? null : Number(fen);
}

/** Sum of fen amounts, checked to stay exact. */
export function sumFen(amounts: readonly number[]): number {
  let total = 0;
  for (const amount of amounts) {
    assertFen(amount);
    total += amount;
  }
  assertFen(total);
  return total;
}

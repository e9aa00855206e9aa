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

// ---- Amounts in capital numerals (大写金额), as written on agreements ----

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿'];
/** 万亿 yuan in fen: larger amounts would need nested group units and never occur in a mediation. */
const MAX_WORDS_FEN = 10n ** 14n;

function checkWordsFen(fen: number | bigint): bigint {
  if (typeof fen === 'number' && !Number.isSafeInteger(fen))
    throw new RangeError('Amount must be integer fen');
  const value = BigInt(fen);
  if (value < 0n || value >= MAX_WORDS_FEN)
    throw new RangeError('Amount out of range (0 to under 1万亿 yuan)');
  return value;
}

function yuanInChinese(yuan: string): string {
  let out = '';
  let pendingZero = false;
  for (let i = 0; i < yuan.length; i++) {
    const digit = Number(yuan[i]);
    const position = yuan.length - 1 - i;
    if (digit === 0) pendingZero = out.length > 0;
    else {
      if (pendingZero) out += '零';
      pendingZero = false;
      out += `${DIGITS[digit]}${PLACES[position % 4]}`;
    }
    const group = Math.floor(position / 4);
    const groupDigits = yuan.slice(Math.max(0, i - 3), i + 1);
    if (position % 4 === 0 && group > 0 && /[1-9]/.test(groupDigits)) out += GROUPS[group];
  }
  return out;
}

/**
 * Integer fen → the capital-numeral form used on financial documents (GB/T and 《支付结算办法》 conventions),
 * e.g. 1234567 → 人民币壹万贰仟叁佰肆拾伍元陆角柒分, 1000 → 人民币壹拾元整, 1 → 人民币壹分.
 */
export function amountInChinese(fen: number | bigint): string {
  const value = checkWordsFen(fen);
  const yuan = value / 100n;
  const jiao = Number((value / 10n) % 10n);
  const cents = Number(value % 10n);
  if (value === 0n) return '人民币零元整';

  let out = yuan > 0n ? `${yuanInChinese(yuan.toString())}元` : '';
  if (jiao === 0 && cents === 0) return `人民币${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0n) out += '零';
  out += cents > 0 ? `${DIGITS[cents]}分` : '整';
  return `人民币${out}`;
}

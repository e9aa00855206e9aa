const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿'];
/** 万亿 yuan in fen: larger amounts would need nested group units and never occur in a mediation. */
const MAX_FEN = 10n ** 14n;

function checkFen(fen: number | bigint): bigint {
  if (typeof fen === 'number' && !Number.isSafeInteger(fen))
    throw new RangeError('Amount must be integer fen');
  const value = BigInt(fen);
  if (value < 0n || value >= MAX_FEN) throw new RangeError('Amount out of range (0 to under 1万亿 yuan)');
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
  const value = checkFen(fen);
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

/** Integer fen → "¥12,345.67". */
export function formatYuan(fen: number | bigint): string {
  const value = checkFen(fen);
  const yuan = (value / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `¥${yuan}.${(value % 100n).toString().padStart(2, '0')}`;
}

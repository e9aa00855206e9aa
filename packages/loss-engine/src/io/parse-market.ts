import { parseDay } from '../dates';
import { inputError, type LossInputError } from '../errors';
import { type Exact, eSign, parseDecimal } from '../exact';
import { type CorporateAction, type MarketData, type MarketRow, makeMarket } from '../market';
import { CsvSplitter } from './csv';

const MARKET_FIXED = ['date', 'close', 'auction_volume', 'float_shares'] as const;

function records(text: string): { fields: string[]; line: number }[] {
  const out: { fields: string[]; line: number }[] = [];
  const s = new CsvSplitter((fields, line) => out.push({ fields: fields.map((f) => f.trim()), line }));
  s.push(text);
  s.end();
  return out;
}

/**
 * Parses market data: `date, close, auction_volume, float_shares, <index name>…`, trading days ascending.
 * Throws the first problem.
 */
export function parseMarketCsv(text: string, file = '<market>'): MarketData {
  const recs = records(text);
  const head = recs[0];
  if (!head) throw inputError('MISSING_COLUMN', '行情文件为空', 'market file is empty', { file, line: 1 });
  const cols = head.fields;
  MARKET_FIXED.forEach((name, i) => {
    if (cols[i] !== name)
      throw inputError(
        'MISSING_COLUMN',
        `第 ${i + 1} 列应为 "${name}"`,
        `column ${i + 1} must be "${name}"`,
        {
          file,
          line: head.line,
          column: i + 1,
          columnName: cols[i] ?? name,
        },
      );
  });
  const indexNames = cols.slice(MARKET_FIXED.length);
  indexNames.forEach((n, i) => {
    if (n === '' || indexNames.indexOf(n) !== i)
      throw inputError(
        'DUPLICATE_COLUMN',
        `指数列名为空或重复 "${n}"`,
        `index column name empty or repeated "${n}"`,
        {
          file,
          line: head.line,
          column: i + 5,
          columnName: n,
        },
      );
  });
  const rows: MarketRow[] = [];
  let prev = Number.NEGATIVE_INFINITY;
  for (const { fields, line } of recs.slice(1)) {
    if (fields.length === 1 && fields[0] === '') continue;
    if (fields.length !== cols.length)
      throw inputError(
        'FIELD_COUNT',
        `该行有 ${fields.length} 个字段，表头有 ${cols.length} 个`,
        `row has ${fields.length} fields, header has ${cols.length}`,
        { file, line },
      );
    const day = parseDay(fields[0]!);
    if (Number.isNaN(day))
      throw inputError('BAD_DATE', `日期无法解析 "${fields[0]}"`, `unparseable date "${fields[0]}"`, {
        file,
        line,
        column: 1,
        columnName: 'date',
      });
    if (day <= prev)
      throw inputError('MARKET_ORDER', '行情日期须严格递增', 'market dates must strictly increase', {
        file,
        line,
        column: 1,
        columnName: 'date',
      });
    prev = day;
    const num = (i: number): Exact => {
      const x = parseDecimal(fields[i]!);
      if (!x || eSign(x) < 0)
        throw inputError('BAD_NUMBER', `数值无效 "${fields[i]}"`, `invalid number "${fields[i]}"`, {
          file,
          line,
          column: i + 1,
          columnName: cols[i],
        });
      return x;
    };
    const indices: Record<string, Exact> = {};
    indexNames.forEach((n, i) => {
      indices[n] = num(i + 4);
    });
    rows.push({ date: fields[0]!, day, close: num(1), auctionVolume: num(2), floatShares: num(3), indices });
  }
  return makeMarket(rows, indexNames);
}

/** Parses corporate actions: `ex_date, shares_per_share` (10送10 → 1.0). Throws the first problem. */
export function parseActionsCsv(text: string, file = '<actions>'): CorporateAction[] {
  const recs = records(text);
  const head = recs[0];
  const want = ['ex_date', 'shares_per_share'];
  if (!head) return [];
  head.fields.forEach((c, i) => {
    if (c !== want[i])
      throw inputError(
        'UNKNOWN_COLUMN',
        `未知列 "${c}"（应为 ex_date, shares_per_share）`,
        `unknown column "${c}" (expected ex_date, shares_per_share)`,
        {
          file,
          line: head.line,
          column: i + 1,
          columnName: c,
        },
      );
  });
  if (head.fields.length !== 2)
    throw inputError(
      'MISSING_COLUMN',
      '应有 ex_date, shares_per_share 两列',
      'expected columns ex_date, shares_per_share',
      { file, line: head.line },
    );
  const out: CorporateAction[] = [];
  for (const { fields, line } of recs.slice(1)) {
    if (fields.length === 1 && fields[0] === '') continue;
    const exDay = parseDay(fields[0] ?? '');
    if (Number.isNaN(exDay))
      throw inputError('BAD_DATE', `日期无法解析 "${fields[0]}"`, `unparseable date "${fields[0]}"`, {
        file,
        line,
        column: 1,
        columnName: 'ex_date',
      });
    const s = parseDecimal(fields[1] ?? '');
    if (!s || eSign(s) <= 0)
      throw inputError(
        'ACTION_INVALID',
        `每股送转数无效 "${fields[1]}"（应为正数）`,
        `invalid shares_per_share "${fields[1]}" (want a positive number)`,
        {
          file,
          line,
          column: 2,
          columnName: 'shares_per_share',
        },
      );
    out.push({ exDate: fields[0]!, exDay, sharesPerShare: s });
  }
  return out;
}

export type { LossInputError };

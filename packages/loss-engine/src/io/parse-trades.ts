import { parseDay } from '../dates';
import { type ErrorCode, inputError } from '../errors';
import { type TableColumns, TRADE_COLUMNS, TradeTable } from '../trade-table';
import { CsvSplitter, feedAsync } from './csv';

/** A trade as an object (server use). Quantities and prices may be numbers or decimal strings. */
export interface TradeInput {
  investorId: string;
  accountId: string;
  security?: string;
  tradeDate: string;
  seq?: number;
  side: string;
  channel?: string;
  quantity: number | string;
  price: number | string;
  /** Shown in error messages; defaults to the position (1-based). */
  line?: number;
}

const OPTIONAL = new Set(['security', 'seq', 'channel']);
const I_INV = 0;
const I_ACC = 1;
const I_SEC = 2;
const I_DATE = 3;
const I_SEQ = 4;
const I_SIDE = 5;
const I_CH = 6;
const I_QTY = 7;
const I_PRICE = 8;

function parseUInt(s: string): number {
  const n = s.length;
  if (n === 0 || n > 15) return Number.NaN;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    v = v * 10 + c;
  }
  return v;
}

/** Price with ≤ 3 decimals → integer 0.001 yuan, or NaN. */
function parseMilli(s: string): number {
  const dot = s.indexOf('.');
  if (dot < 0) return parseUInt(s) * 1000;
  const frac = s.length - dot - 1;
  if (frac > 3 || dot === 0) return Number.NaN;
  const ip = parseUInt(s.slice(0, dot));
  const fp = frac === 0 ? 0 : parseUInt(s.slice(dot + 1));
  return ip * 1000 + fp * (frac === 1 ? 100 : frac === 2 ? 10 : 1);
}

/** Row-by-row trade parser shared by the CSV, XLSX and object inputs. */
export class TradeRowParser {
  /** field position per logical column (-1 = absent) */
  private pos: number[] = [];
  private width = 0;
  private headerOk = false;
  readonly table: TradeTable;

  /** `over`/`at`: the table is a view of shared columns (see `TradeTable`). */
  constructor(file = '<trades>', capacity = 1024, over?: TableColumns, at = 0) {
    this.table = new TradeTable(file, capacity, over, at);
  }

  /** Field position per logical column of `TRADE_COLUMNS` (-1 = absent) and the header width. */
  layout(): { pos: readonly number[]; width: number; ok: boolean } {
    return { pos: this.pos, width: this.width, ok: this.headerOk };
  }

  header(fields: string[], line = 1): boolean {
    const t = this.table;
    t.columns = fields.map((f) => f.trim());
    this.width = fields.length;
    this.pos = TRADE_COLUMNS.map(() => -1);
    let ok = true;
    t.columns.forEach((name, i) => {
      const k = (TRADE_COLUMNS as readonly string[]).indexOf(name);
      const where = { file: t.file, line, column: i + 1, columnName: name };
      if (k < 0) {
        ok = false;
        t.recordError(
          inputError(
            'UNKNOWN_COLUMN',
            `未知列 "${name}"（应为 ${TRADE_COLUMNS.join(', ')}）`,
            `unknown column "${name}" (expected ${TRADE_COLUMNS.join(', ')})`,
            where,
          ),
          null,
        );
      } else if (this.pos[k] !== -1) {
        ok = false;
        t.recordError(
          inputError('DUPLICATE_COLUMN', `重复列 "${name}"`, `duplicate column "${name}"`, where),
          null,
        );
      } else this.pos[k] = i;
    });
    TRADE_COLUMNS.forEach((name, k) => {
      if (this.pos[k] === -1 && !OPTIONAL.has(name)) {
        ok = false;
        t.recordError(
          inputError('MISSING_COLUMN', `缺少列 "${name}"`, `missing column "${name}"`, {
            file: t.file,
            line,
            columnName: name,
          }),
          null,
        );
      }
    });
    this.headerOk = ok;
    return ok;
  }

  /** Adds one data row; false when it was rejected (the error is recorded on the table). */
  row(f: string[], line: number): boolean {
    const t = this.table;
    const p = this.pos;
    if (!this.headerOk) return false;
    if (f.length !== this.width) {
      if (f.length === 1 && f[0]!.trim() === '') return false;
      const inv = p[I_INV]! < f.length ? (f[p[I_INV]!] ?? '') : '';
      t.recordError(
        inputError(
          'FIELD_COUNT',
          `该行有 ${f.length} 个字段，表头有 ${this.width} 个`,
          `row has ${f.length} fields, header has ${this.width}`,
          { file: t.file, line },
        ),
        inv ? t.investorOf(inv) : null,
      );
      return false;
    }
    // Every field is checked, so a row with several problems reports each of them (not only the first).
    let ok = true;
    const invId = f[p[I_INV]!]!;
    let inv: number | null = null;
    if (invId === '')
      ok = this.fail('EMPTY_FIELD', '投资者编号为空', 'investor_id is empty', line, I_INV, null);
    else inv = t.investorOf(invId);
    const accId = f[p[I_ACC]!]!;
    if (accId === '') ok = this.fail('EMPTY_FIELD', '账户编号为空', 'account_id is empty', line, I_ACC, inv);
    const dateText = f[p[I_DATE]!]!;
    const day = parseDay(dateText);
    if (Number.isNaN(day))
      ok = this.fail(
        'BAD_DATE',
        `日期无法解析 "${dateText}"（应为 YYYY-MM-DD）`,
        `unparseable date "${dateText}" (want YYYY-MM-DD)`,
        line,
        I_DATE,
        inv,
      );
    let seq = 0;
    if (p[I_SEQ]! >= 0) {
      const s = f[p[I_SEQ]!]!;
      seq = parseUInt(s);
      if (!(seq <= 2147483647))
        ok = this.fail(
          'BAD_SEQ',
          `序号无效 "${s}"（应为非负整数）`,
          `invalid seq "${s}" (want a non-negative integer)`,
          line,
          I_SEQ,
          inv,
        );
    }
    const sideText = f[p[I_SIDE]!]!;
    const side = sideText === 'B' || sideText === 'b' ? 0 : sideText === 'S' || sideText === 's' ? 1 : -1;
    if (side < 0)
      ok = this.fail(
        'UNKNOWN_SIDE',
        `未知买卖方向 "${sideText}"（应为 B 或 S）`,
        `unknown side "${sideText}" (want B or S)`,
        line,
        I_SIDE,
        inv,
      );
    const ch = p[I_CH]! >= 0 ? f[p[I_CH]!]! : 'auction';
    if (ch === '') ok = this.fail('EMPTY_FIELD', '渠道为空', 'channel is empty', line, I_CH, inv);
    const qText = f[p[I_QTY]!]!;
    const qty = parseUInt(qText);
    if (!(qty > 0)) {
      if (qText.trim().startsWith('-'))
        ok = this.fail(
          'NEGATIVE_QUANTITY',
          `数量为负 "${qText}"`,
          `negative quantity "${qText}"`,
          line,
          I_QTY,
          inv,
        );
      else
        ok = this.fail(
          'BAD_QUANTITY',
          `数量无效 "${qText}"（应为正整数股数）`,
          `invalid quantity "${qText}" (want a positive whole number of shares)`,
          line,
          I_QTY,
          inv,
        );
    }
    const pText = f[p[I_PRICE]!]!;
    const price = parseMilli(pText);
    if (!(price <= 2147483647))
      ok = this.fail(
        'BAD_PRICE',
        `价格无效 "${pText}"（应为非负数，最多 3 位小数）`,
        `invalid price "${pText}" (want a non-negative number with at most 3 decimals)`,
        line,
        I_PRICE,
        inv,
      );
    if (!ok || inv === null) return false;
    const sec = p[I_SEC]! >= 0 ? t.securityOf(f[p[I_SEC]!]!) : 0;
    return t.push(inv, t.accountOf(accId, inv), day, seq, side, t.channelOf(ch), qty, price, line, sec);
  }

  private fail(
    code: ErrorCode,
    zh: string,
    en: string,
    line: number,
    col: number,
    inv: number | null,
  ): false {
    const t = this.table;
    const name = TRADE_COLUMNS[col]!;
    t.recordError(
      inputError(code, zh, en, { file: t.file, line, column: this.pos[col]! + 1, columnName: name }),
      inv,
    );
    return false;
  }
}

/** Parses a whole trades CSV held in a string. Row problems are recorded on the table (see `TradeTable`). */
export function parseTradesCsv(text: string, file = '<trades>'): TradeTable {
  const parser = new TradeRowParser(file, Math.max(1024, Math.ceil(text.length / 48)));
  let headerSeen = false;
  const splitter = new CsvSplitter((fields, line) => {
    if (!headerSeen) {
      headerSeen = true;
      parser.header(fields, line);
    } else parser.row(fields, line);
  });
  splitter.push(text);
  splitter.end();
  return parser.table;
}

/** Streaming variant: chunks of text or bytes (e.g. `fs.createReadStream`). */
export async function parseTradesStream(
  input: AsyncIterable<string | Uint8Array> | Iterable<string>,
  file = '<trades>',
  sizeHint = 0,
): Promise<TradeTable> {
  const parser = new TradeRowParser(file, Math.max(1024, Math.ceil(sizeHint / 48)));
  let headerSeen = false;
  const splitter = new CsvSplitter((fields, line) => {
    if (!headerSeen) {
      headerSeen = true;
      parser.header(fields, line);
    } else parser.row(fields, line);
  });
  await feedAsync(input, splitter);
  return parser.table;
}

/** Builds a table from trade objects, with the same validation as the CSV path. */
export function tradeTableFrom(trades: Iterable<TradeInput>, file = '<trades>'): TradeTable {
  const parser = new TradeRowParser(file);
  parser.header([...TRADE_COLUMNS], 0);
  let n = 0;
  for (const t of trades) {
    n++;
    parser.row(
      [
        t.investorId,
        t.accountId,
        t.security ?? '',
        t.tradeDate,
        String(t.seq ?? 0),
        t.side,
        t.channel ?? 'auction',
        String(t.quantity),
        String(t.price),
      ],
      t.line ?? n,
    );
  }
  return parser.table;
}

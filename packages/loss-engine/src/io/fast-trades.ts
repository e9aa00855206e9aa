import { closeSync, openSync, readSync } from 'node:fs';
import { parseDay } from '../dates';
import type { TableColumns, TradeTable } from '../trade-table';
import { ByteIds } from './byte-ids';
import { TradeRowParser } from './parse-trades';

/**
 * The fast trades-CSV parser: scans bytes, no string per field (ids are looked up by their bytes; a string is
 * made once per distinct id). It accepts only what the generic parser (`TradeRowParser` over `CsvSplitter`)
 * accepts, the same way: a plain ASCII header, rows without quotes whose every field is valid. At the first
 * thing it does not handle — a quote, a field error, a row going backwards, a long line — it gives up and
 * returns null; the caller then parses the whole input with the generic parser, which produces the table or
 * the exact error messages (file, line, column). The tables are equal (property-tested).
 */
/** Rows staged before their ids are looked up together (`FastTradeParser.flush`). */
const STAGE = 512;
/** Key words of the longer id records (`longAccounts`): the most a staged key needs. */
const KEY_WORDS = 11;

class FastTradeParser {
  private readonly parser: TradeRowParser;
  private pos: readonly number[] = [];
  private width = 0;
  private header = true;
  private line = 0;
  private bomChecked = false;
  private readonly fs = new Int32Array(64);
  private readonly fe = new Int32Array(64);
  /** (investor id, account id) → (investor, account) */
  private readonly accounts = new ByteIds(4);
  /** the same for keys of 17–44 bytes */
  private readonly longAccounts = new ByteIds(11);
  private readonly chan = new ByteIds(11);
  private readonly sec = new ByteIds(11);
  private lastDateKey = -1;
  private lastDay = 0;
  private readonly days = new Map<number, number>();
  private readonly decoder = new TextDecoder('utf-8');
  failed = false;
  private readonly channelOf = (x: string): number => this.parser.table.channelOf(x);
  private readonly securityOf = (x: string): number => this.parser.table.securityOf(x);

  constructor(file: string, capacity: number, over?: TableColumns, at = 0, stage = STAGE) {
    this.parser = new TradeRowParser(file, capacity, over, at);
    this.bDay = new Int32Array(stage);
    this.bSeq = new Int32Array(stage);
    this.bSide = new Uint8Array(stage);
    this.bCh = new Uint8Array(stage);
    this.bQty = new Float64Array(stage);
    this.bPrice = new Int32Array(stage);
    this.bLine = new Int32Array(stage);
    this.bSec = new Uint16Array(stage);
    this.bHash = new Int32Array(stage);
    this.bLens = new Int32Array(stage);
    this.bLong = new Uint8Array(stage);
    this.bRec = new Int32Array(stage);
    this.bIds = new Int32Array(stage * 4);
    this.bKey = new Int32Array(stage * KEY_WORDS);
  }

  get table(): TradeTable {
    return this.parser.table;
  }

  /** Lines seen so far (the header included). */
  get lineCount(): number {
    return this.line;
  }

  /** Parses the complete lines of buf[0, end); returns where the unparsed rest starts (all of it when `last`). */
  feed(buf: Buffer, end: number, last: boolean): number {
    let start = 0;
    if (!this.bomChecked && end >= 3) {
      this.bomChecked = true;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
    }
    const fs = this.fs;
    const fe = this.fe;
    while (!this.failed) {
      // One pass over the line: find its end and its commas; give up on quotes or too many fields.
      let i = start;
      let n = 0;
      let from = start;
      let plain = true;
      for (; i < end; i++) {
        const c = buf[i]!;
        if (c === 10) break;
        if (c === 44) {
          if (n < 63) {
            fs[n] = from;
            fe[n] = i;
          } else plain = false;
          n++;
          from = i + 1;
        } else if (c === 34) plain = false;
      }
      if (i >= end && (!last || start >= end)) {
        // The staged rows refer to bytes of `buf`: they are stored before the caller moves them.
        if (!this.flush(buf)) this.failed = true;
        return start;
      }
      this.line++;
      let e = i;
      if (e > start && buf[e - 1] === 13) e--;
      if (e > start) {
        if (this.header) {
          if (!this.headerOf(buf, start, e)) this.failed = true;
        } else {
          fs[n] = from;
          fe[n] = e;
          n++;
          if (!plain || n !== this.width || !this.rowOf(buf)) this.failed = true;
        }
      }
      start = i + 1;
    }
    return end;
  }

  /**
   * Rows are staged in blocks (`stage` rows): fields parsed and the (investor, account) key hashed as each
   * row is read; then the block's keys are looked up in one tight loop — independent lookups, so the
   * processor overlaps their cache misses instead of waiting for each in turn — and only then are new ids
   * registered (in row order, as one-row-at-a-time parsing registers them) and the rows pushed.
   */
  private staged = 0;
  private readonly bDay: Int32Array;
  private readonly bSeq: Int32Array;
  private readonly bSide: Uint8Array;
  private readonly bCh: Uint8Array;
  private readonly bQty: Float64Array;
  private readonly bPrice: Int32Array;
  private readonly bLine: Int32Array;
  private readonly bSec: Uint16Array;
  /** Key hash (-1: not storable, by strings), lengths, which table (0 short, 1 long), record found (-1). */
  private readonly bHash: Int32Array;
  private readonly bLens: Int32Array;
  private readonly bLong: Uint8Array;
  private readonly bRec: Int32Array;
  /** Byte ranges of the investor and account ids, and the packed keys. */
  private readonly bIds: Int32Array;
  private readonly bKey: Int32Array;

  /** Looks up, registers and pushes the staged rows; false when a row goes backwards in its account. */
  private flush(buf: Buffer): boolean {
    const m = this.staged;
    this.staged = 0;
    const { bHash, bLens, bLong, bRec, bKey, bIds } = this;
    const short = this.accounts;
    const long = this.longAccounts;
    for (let i = 0; i < m; i++) {
      const h = bHash[i]!;
      bRec[i] = h < 0 ? -1 : (bLong[i] === 0 ? short : long).findKey(h, bLens[i]!, bKey, i * KEY_WORDS);
    }
    const t = this.parser.table;
    const shortGen = short.generation;
    const longGen = long.generation;
    for (let i = 0; i < m; i++) {
      const isShort = bLong[i] === 0;
      const ids = isShort ? short : long;
      let r = bRec[i]!;
      const h = bHash[i]!;
      // Looked up again when not found (a row before it in this block may have registered the same key
      // since) or when the table has grown since (its records moved).
      if (h >= 0 && (r < 0 || ids.generation !== (isShort ? shortGen : longGen)))
        r = ids.findKey(h, bLens[i]!, bKey, i * KEY_WORDS);
      let inv: number;
      let acc: number;
      if (r >= 0) {
        inv = ids.first(r);
        acc = ids.second(r);
      } else {
        const k = i * 4;
        // A storable key (h ≥ 0) is ASCII.
        inv = t.investorOf(this.str(buf, bIds[k]!, bIds[k + 1]!, h >= 0));
        acc = t.accountOf(this.str(buf, bIds[k + 2]!, bIds[k + 3]!, h >= 0), inv);
        if (h >= 0) ids.putKey(h, bLens[i]!, inv, acc, bKey, i * KEY_WORDS);
      }
      if (
        !t.push(
          inv,
          acc,
          this.bDay[i]!,
          this.bSeq[i]!,
          this.bSide[i]!,
          this.bCh[i]!,
          this.bQty[i]!,
          this.bPrice[i]!,
          this.bLine[i]!,
          this.bSec[i]!,
        )
      )
        return false;
    }
    return true;
  }

  private headerOf(buf: Uint8Array, s: number, e: number): boolean {
    for (let i = s; i < e; i++) if (buf[i]! >= 0x80 || buf[i] === 34) return false;
    this.header = false;
    const text = String.fromCharCode(...buf.subarray(s, e));
    if (!this.parser.header(text.split(','), this.line)) return false;
    const l = this.parser.layout();
    this.pos = l.pos;
    this.width = l.width;
    return this.width <= 63;
  }

  /**
   * The text of bytes [s, e): ASCII (known, e.g. a key the id table could store) straight from the buffer,
   * without the view object a decoder needs (a new id costs less); otherwise decoded as UTF-8.
   */
  private str(buf: Buffer, s: number, e: number, ascii = false): string {
    return ascii ? buf.toString('latin1', s, e) : this.decoder.decode(buf.subarray(s, e));
  }

  /**
   * A channel's or security's index: the last one's when the bytes are the same (they repeat in long runs),
   * else by bytes when ASCII, else (rare) by its decoded string.
   */
  private id(ids: ByteIds, buf: Buffer, s: number, e: number, make: (x: string) => number): number {
    const n = e - s;
    const last = ids.lastKey;
    if (n === ids.lastLength) {
      let same = true;
      for (let i = 0; i < n && same; i++) same = buf[s + i] === last[i];
      if (same) return ids.lastValue;
    }
    const v = this.idByTable(ids, buf, s, e, make);
    if (n <= last.length) {
      for (let i = 0; i < n; i++) last[i] = buf[s + i]!;
      ids.lastLength = n;
      ids.lastValue = v;
    }
    return v;
  }

  private idByTable(ids: ByteIds, buf: Buffer, s: number, e: number, make: (x: string) => number): number {
    const h = ids.hash(buf, s, e, 0, 0);
    if (h < 0) return make(this.str(buf, s, e));
    const k = ids.find(h);
    if (k >= 0) return ids.first(k);
    const v = make(this.str(buf, s, e, true));
    ids.put(h, v, 0);
    return v;
  }

  private rowOf(buf: Buffer): boolean {
    const t = this.parser.table;
    const p = this.pos;
    const fs = this.fs;
    const fe = this.fe;
    const fInv = p[0]!;
    const fAcc = p[1]!;
    if (fe[fInv] === fs[fInv] || fe[fAcc] === fs[fAcc]) return false;
    const day = this.dayOf(buf, fs[p[3]!]!, fe[p[3]!]!);
    if (Number.isNaN(day)) return false;
    let seq = 0;
    if (p[4]! >= 0) {
      seq = uint(buf, fs[p[4]!]!, fe[p[4]!]!);
      if (!(seq <= 2147483647)) return false;
    }
    const ss = fs[p[5]!]!;
    if (fe[p[5]!]! - ss !== 1) return false;
    const sc = buf[ss]!;
    const side = sc === 66 || sc === 98 ? 0 : sc === 83 || sc === 115 ? 1 : -1;
    if (side < 0) return false;
    const qty = uint(buf, fs[p[7]!]!, fe[p[7]!]!);
    if (!(qty > 0)) return false;
    const price = milli(buf, fs[p[8]!]!, fe[p[8]!]!);
    if (!(price <= 2147483647)) return false;
    let ch: number;
    if (p[6]! >= 0) {
      const cs = fs[p[6]!]!;
      const ce = fe[p[6]!]!;
      if (ce === cs) return false;
      ch = this.id(this.chan, buf, cs, ce, this.channelOf);
    } else ch = t.channelOf('auction');
    const sec = p[2]! >= 0 ? this.id(this.sec, buf, fs[p[2]!]!, fe[p[2]!]!, this.securityOf) : 0;
    if (this.staged === this.bDay.length && !this.flush(buf)) return false;
    const i = this.staged++;
    this.bDay[i] = day;
    this.bSeq[i] = seq;
    this.bSide[i] = side;
    this.bCh[i] = ch;
    this.bQty[i] = qty;
    this.bPrice[i] = price;
    this.bLine[i] = this.line;
    this.bSec[i] = sec;
    // The (investor, account) key, hashed while its bytes are at hand; looked up with the block (`flush`).
    const s1 = fs[fInv]!;
    const e1 = fe[fInv]!;
    const s2 = fs[fAcc]!;
    const e2 = fe[fAcc]!;
    const long = e1 - s1 + e2 - s2 > 16;
    const ids = long ? this.longAccounts : this.accounts;
    this.bLong[i] = long ? 1 : 0;
    this.bHash[i] = ids.hashInto(buf, s1, e1, s2, e2, this.bKey, i * KEY_WORDS);
    this.bLens[i] = ids.lastLens;
    const k = i * 4;
    this.bIds[k] = s1;
    this.bIds[k + 1] = e1;
    this.bIds[k + 2] = s2;
    this.bIds[k + 3] = e2;
    return true;
  }

  private dayOf(buf: Uint8Array, s: number, e: number): number {
    if (e - s !== 10 || buf[s + 4] !== 45 || buf[s + 7] !== 45) return Number.NaN;
    let key = 0;
    for (let i = s; i < e; i++) {
      if (i === s + 4 || i === s + 7) continue;
      const c = buf[i]! - 48;
      if (c < 0 || c > 9) return Number.NaN;
      key = key * 10 + c;
    }
    if (key === this.lastDateKey) return this.lastDay;
    let d = this.days.get(key);
    if (d === undefined) {
      d = parseDay(String.fromCharCode(...buf.subarray(s, e)));
      this.days.set(key, d);
    }
    this.lastDateKey = key;
    this.lastDay = d;
    return d;
  }
}

/** As `parseUInt` of the generic parser: 1–15 ASCII digits, else NaN. */
function uint(buf: Uint8Array, s: number, e: number): number {
  if (e === s || e - s > 15) return Number.NaN;
  let v = 0;
  for (let i = s; i < e; i++) {
    const c = buf[i]! - 48;
    if (c < 0 || c > 9) return Number.NaN;
    v = v * 10 + c;
  }
  return v;
}

/** As `parseMilli` of the generic parser: a price with ≤ 3 decimals → integer 0.001 yuan, else NaN. */
function milli(buf: Uint8Array, s: number, e: number): number {
  let dot = -1;
  for (let i = s; i < e; i++)
    if (buf[i] === 46) {
      dot = i;
      break;
    }
  if (dot < 0) return uint(buf, s, e) * 1000;
  const frac = e - dot - 1;
  if (frac > 3 || dot === s) return Number.NaN;
  const ip = uint(buf, s, dot);
  const fp = frac === 0 ? 0 : uint(buf, dot + 1, e);
  return ip * 1000 + fp * (frac === 1 ? 100 : frac === 2 ? 10 : 1);
}

/**
 * Parses a trades CSV file with the fast parser, reading it in 8 MB blocks; null when the fast parser gave up
 * (the caller then uses the generic parser).
 */
export function parseTradesFileFast(
  path: string,
  size: number,
  onBytes?: (read: number, total: number) => void,
  blockSize = 8 << 20,
  stage = STAGE,
): TradeTable | null {
  const p = new FastTradeParser(path, Math.max(1024, Math.ceil(size / 48)), undefined, 0, stage);
  const fd = openSync(path, 'r');
  try {
    let buf = Buffer.allocUnsafe(blockSize);
    let have = 0;
    let read = 0;
    for (;;) {
      if (have === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, have);
        buf = bigger;
      }
      const n = readSync(fd, buf, have, buf.length - have, null);
      read += n;
      onBytes?.(read, size);
      const end = have + n;
      const used = p.feed(buf, end, n === 0);
      if (p.failed) return null;
      if (n === 0) return p.table;
      buf.copy(buf, 0, used, end);
      have = end - used;
    }
  } finally {
    closeSync(fd);
  }
}

/** What one worker's parse of a byte range of a trades file gives back (`parseTradeRange`). */
export interface RangeParse {
  /** Rows parsed, written to the shared columns from the range's first row slot on. */
  count: number;
  /** Lines read, the header line included (so line numbers in the range start at 2). */
  lines: number;
  columns: string[];
  investorIds: string[];
  accountIds: string[];
  accountInvestor: number[];
  channels: string[];
  securityIds: string[];
  /** Per account of the range: (date, seq) of its first and last trade. */
  spans: ReturnType<TradeTable['accountSpans']>;
}

/**
 * The fast parser over bytes [start, end) of a trades file — a range that begins and ends at line ends —
 * after the file's header line (read from the file's start when `start` is past it). Rows go to the shared
 * `columns` from row slot `at` on (at most `capacity` rows); ids are numbered within the range. Null when the
 * fast parser gives up (or the rows would not fit): the caller then parses the whole file the usual way.
 */
export function parseTradeRange(
  path: string,
  start: number,
  end: number,
  columns: TableColumns,
  at: number,
  capacity: number,
  blockSize = 8 << 20,
): RangeParse | null {
  const p = new FastTradeParser(path, capacity, columns, at);
  const fd = openSync(path, 'r');
  try {
    let buf = Buffer.allocUnsafe(blockSize);
    if (start > 0) {
      // The header line only (it ends before `start`).
      let have = 0;
      let nl = -1;
      while (nl < 0) {
        if (have === buf.length) {
          const bigger = Buffer.allocUnsafe(buf.length * 2);
          buf.copy(bigger, 0, 0, have);
          buf = bigger;
        }
        const n = readSync(fd, buf, have, Math.min(buf.length - have, start - have), have);
        if (n === 0) return null;
        have += n;
        nl = buf.subarray(0, have).indexOf(10);
      }
      p.feed(buf, nl + 1, false);
      if (p.failed) return null;
    }
    let pos = start;
    let have = 0;
    for (;;) {
      if (have === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, have);
        buf = bigger;
      }
      const n = pos < end ? readSync(fd, buf, have, Math.min(buf.length - have, end - pos), pos) : 0;
      pos += n;
      const last = n === 0;
      const used = p.feed(buf, have + n, last);
      if (p.failed) return null;
      if (last) break;
      buf.copy(buf, 0, used, have + n);
      have = have + n - used;
    }
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  } finally {
    closeSync(fd);
  }
  const t = p.table;
  return {
    count: t.count,
    lines: p.lineCount,
    columns: t.columns,
    investorIds: t.investorIds,
    accountIds: t.accountIds,
    accountInvestor: t.accountInvestor,
    channels: t.channels,
    securityIds: t.securityIds,
    spans: t.accountSpans(),
  };
}

/** Newlines in bytes [start, end) of a file (a row slot bound for `parseTradeRange`: rows ≤ newlines + 1). */
export function countLines(path: string, start: number, end: number, blockSize = 4 << 20): number {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(blockSize);
    let lines = 0;
    for (let pos = start; pos < end; ) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos);
      if (n === 0) break;
      const b = n === buf.length ? buf : buf.subarray(0, n);
      for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) lines++;
      pos += n;
    }
    return lines;
  } finally {
    closeSync(fd);
  }
}

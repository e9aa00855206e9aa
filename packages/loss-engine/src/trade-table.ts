import { type LossInputError, inputError } from './errors';

export const TRADE_COLUMNS = [
  'investor_id',
  'account_id',
  'security',
  'trade_date',
  'seq',
  'side',
  'channel',
  'quantity',
  'price',
] as const;

/** The most row problems a table keeps (`TradeTable.rowProblems`); the rest are counted. */
export const ROW_PROBLEM_CAP = 10_000;

/**
 * All trades of a case in columns (typed arrays), so millions of trades cost ~34 bytes each.
 * Prices are integers in 0.001 yuan; quantities whole shares.
 */
export class TradeTable {
  count = 0;
  investor: Int32Array;
  account: Int32Array;
  day: Int32Array;
  seq: Int32Array;
  /** 0 = buy, 1 = sell */
  side: Uint8Array;
  channel: Uint8Array;
  qty: Float64Array;
  priceMilli: Int32Array;
  /** Source line (1-based, header = 1) or input position. */
  line: Int32Array;

  readonly investorIds: string[] = [];
  readonly investorIndex = new Map<string, number>();
  readonly accountIds: string[] = [];
  /** Investor index + NUL + account id → account, only for investors with more than 16 accounts. */
  readonly accountIndex = new Map<string, number>();
  readonly accountInvestor: number[] = [];
  private readonly investorAccounts: number[][] = [];
  readonly channels: string[] = [];
  readonly channelIndex = new Map<string, number>();
  readonly securities = new Set<string>();
  /** Per trade: 1 when its security differs from `params.security` is decided later; here the security id. */
  security: Uint16Array;
  readonly securityIds: string[] = [];
  readonly securityIndex = new Map<string, number>();

  /** Header, in file order (for column numbers in messages). */
  columns: string[] = [...TRADE_COLUMNS];

  columnNumber(name: string): number | undefined {
    const i = this.columns.indexOf(name);
    return i < 0 ? undefined : i + 1;
  }

  /** Investors with a bad row (by investor index) → first error. */
  readonly investorErrors = new Map<number, LossInputError>();
  /**
   * Every problem of the rows that name an investor, in file order — all of them, not only each investor's
   * first, so a file can be corrected in one round — up to `ROW_PROBLEM_CAP`; the rest are counted.
   */
  readonly rowProblems: { investor: number; error: LossInputError }[] = [];
  /** Row problems past `ROW_PROBLEM_CAP`: counted, not kept. */
  rowProblemsOmitted = 0;
  /** Errors that name no investor (header, field count, …). */
  readonly fileErrors: LossInputError[] = [];
  private lastDay: Int32Array = new Int32Array(1024);
  private lastSeq: Int32Array = new Int32Array(1024);
  private firstDay: Int32Array = new Int32Array(1024);
  private firstSeq: Int32Array = new Int32Array(1024);

  /** Per account: (date, seq) of its first and its last trade so far (day −2^31: none yet). */
  accountSpans(): { firstDay: Int32Array; firstSeq: Int32Array; lastDay: Int32Array; lastSeq: Int32Array } {
    const n = this.accountIds.length;
    return {
      firstDay: this.firstDay.slice(0, n),
      firstSeq: this.firstSeq.slice(0, n),
      lastDay: this.lastDay.slice(0, n),
      lastSeq: this.lastSeq.slice(0, n),
    };
  }

  /**
   * The rows are grouped by investor (`groupInPlace`): each investor's rows are `investorStarts`' range, in
   * file order. Otherwise rows are in the order pushed. Either way an investor's rows keep file order.
   */
  grouped = false;

  /** Set when the columns are views of someone else's buffers (`TableColumns`): they cannot grow. */
  private readonly fixed: boolean;

  /**
   * `capacity` rows in new arrays; or, with `over`, views of rows [at, at + capacity) of the given columns
   * (shared buffers a parallel parse writes into, `cli/parallel-parse.ts`) — the table then cannot grow.
   */
  constructor(
    readonly file = '<trades>',
    capacity = 1024,
    over?: TableColumns,
    at = 0,
  ) {
    this.fixed = over !== undefined;
    if (over) {
      const v = <A extends Typed>(a: A): A => a.subarray(at, at + capacity) as A;
      this.investor = v(over.investor);
      this.account = v(over.account);
      this.day = v(over.day);
      this.seq = v(over.seq);
      this.side = v(over.side);
      this.channel = v(over.channel);
      this.qty = v(over.qty);
      this.priceMilli = v(over.priceMilli);
      this.line = v(over.line);
      this.security = v(over.security);
      return;
    }
    const c = Math.max(16, capacity);
    this.investor = new Int32Array(c);
    this.account = new Int32Array(c);
    this.day = new Int32Array(c);
    this.seq = new Int32Array(c);
    this.side = new Uint8Array(c);
    this.channel = new Uint8Array(c);
    this.qty = new Float64Array(c);
    this.priceMilli = new Int32Array(c);
    this.line = new Int32Array(c);
    this.security = new Uint16Array(c);
  }

  investorOf(id: string): number {
    let i = this.investorIndex.get(id);
    if (i === undefined) {
      i = this.investorIds.length;
      this.investorIds.push(id);
      this.investorIndex.set(id, i);
    }
    return i;
  }

  /**
   * The account `id` of an investor. An investor has few accounts, so a short linear search over its own
   * list is much cheaper than a lookup in one map of every account of the case.
   */
  accountOf(id: string, investor = -1): number {
    let list: number[] | null = null;
    if (investor >= 0) {
      list = this.investorAccounts[investor] ?? [];
      this.investorAccounts[investor] = list;
    }
    if (list && list.length <= 16) {
      for (let k = 0; k < list.length; k++) {
        const a = list[k]!;
        if (this.accountIds[a] === id) return a;
      }
    }
    const key = investor >= 0 && list && list.length > 16 ? `${investor}\u0000${id}` : null;
    if (key !== null) {
      const found = this.accountIndex.get(key);
      if (found !== undefined) return found;
    }
    const i = this.accountIds.length;
    this.accountIds.push(id);
    this.accountInvestor.push(investor);
    if (list) {
      list.push(i);
      if (list.length === 17)
        for (const a of list) this.accountIndex.set(`${investor}\u0000${this.accountIds[a]}`, a);
      else if (key !== null) this.accountIndex.set(key, i);
    }
    if (i >= this.lastDay.length) {
      this.lastDay = grow(this.lastDay, i * 2);
      this.lastSeq = grow(this.lastSeq, i * 2);
      this.firstDay = grow(this.firstDay, i * 2);
      this.firstSeq = grow(this.firstSeq, i * 2);
    }
    this.lastDay[i] = -2147483648;
    return i;
  }

  channelOf(name: string): number {
    let i = this.channelIndex.get(name);
    if (i === undefined) {
      i = this.channels.length;
      if (i > 255) throw inputError('BAD_PARAM', '渠道种类超过 256 种', 'more than 256 distinct channels');
      this.channels.push(name);
      this.channelIndex.set(name, i);
    }
    return i;
  }

  securityOf(code: string): number {
    let i = this.securityIndex.get(code);
    if (i === undefined) {
      i = this.securityIds.length;
      this.securityIds.push(code);
      this.securityIndex.set(code, i);
      this.securities.add(code);
    }
    return i;
  }

  recordError(err: LossInputError, investor: number | null): void {
    if (investor === null) {
      this.fileErrors.push(err);
      return;
    }
    if (!this.investorErrors.has(investor)) this.investorErrors.set(investor, err);
    if (this.rowProblems.length < ROW_PROBLEM_CAP) this.rowProblems.push({ investor, error: err });
    else this.rowProblemsOmitted++;
  }

  /**
   * Appends a validated trade. Returns false (and records the error) when the trade goes backwards in
   * date/seq within its account.
   */
  push(
    investor: number,
    account: number,
    day: number,
    seq: number,
    side: number,
    channel: number,
    qty: number,
    priceMilli: number,
    line: number,
    security = 0,
  ): boolean {
    const ld = this.lastDay[account] ?? 0;
    if (day < ld || (day === ld && seq < (this.lastSeq[account] ?? 0))) {
      this.recordError(
        inputError(
          'OUT_OF_ORDER',
          `账户 ${this.accountIds[account]} 的交易日期/序号倒退`,
          `account ${this.accountIds[account]}: trade date/seq goes backwards`,
          { file: this.file, line, column: this.columnNumber('trade_date'), columnName: 'trade_date/seq' },
        ),
        investor,
      );
      return false;
    }
    if (ld === -2147483648) {
      this.firstDay[account] = day;
      this.firstSeq[account] = seq;
    }
    this.lastDay[account] = day;
    this.lastSeq[account] = seq;
    this.grouped = false;
    if (this.count === this.investor.length) {
      if (this.fixed) throw new RangeError('trade table: fixed capacity exceeded');
      this.resize(Math.ceil(this.count * 1.5) + 16);
    }
    const i = this.count++;
    this.investor[i] = investor;
    this.account[i] = account;
    this.day[i] = day;
    this.seq[i] = seq;
    this.side[i] = side;
    this.channel[i] = channel;
    this.qty[i] = qty;
    this.priceMilli[i] = priceMilli;
    this.line[i] = line;
    this.security[i] = security;
    return true;
  }

  /** Column data in SharedArrayBuffers plus the id lists, for worker threads (row errors not included). */
  snapshot(): TableSnapshot {
    const share = <A extends Typed>(a: A): A => {
      // Columns already in shared memory (a parallel parse) are passed as they are.
      if (a.buffer instanceof SharedArrayBuffer) return a.subarray(0, this.count) as A;
      const ctor = a.constructor as new (b: SharedArrayBuffer) => A;
      const b = new ctor(new SharedArrayBuffer(this.count * a.BYTES_PER_ELEMENT));
      b.set(a.subarray(0, this.count) as never);
      return b;
    };
    return {
      file: this.file,
      count: this.count,
      grouped: this.grouped,
      columns: this.columns,
      investor: share(this.investor),
      account: share(this.account),
      day: share(this.day),
      seq: share(this.seq),
      side: share(this.side),
      channel: share(this.channel),
      qty: share(this.qty),
      priceMilli: share(this.priceMilli),
      line: share(this.line),
      security: share(this.security),
      investorIds: this.investorIds,
      accountIds: this.accountIds,
      accountInvestor: this.accountInvestor,
      channels: this.channels,
      securityIds: this.securityIds,
    };
  }

  /** The table a worker thread assesses (it cannot take more rows: its id indices are not rebuilt). */
  static fromSnapshot(s: TableSnapshot): TradeTable {
    const t = new TradeTable(s.file, 16);
    t.count = s.count;
    t.grouped = s.grouped;
    t.columns = s.columns;
    t.investor = s.investor;
    t.account = s.account;
    t.day = s.day;
    t.seq = s.seq;
    t.side = s.side;
    t.channel = s.channel;
    t.qty = s.qty;
    t.priceMilli = s.priceMilli;
    t.line = s.line;
    t.security = s.security;
    // For assessing, not for adding rows: the id lists, without the indices a parser looks ids up in.
    for (const id of s.investorIds) t.investorIds.push(id);
    for (const id of s.accountIds) t.accountIds.push(id);
    for (const i of s.accountInvestor) t.accountInvestor.push(i);
    for (const c of s.channels) t.channelOf(c);
    for (const c of s.securityIds) t.securityOf(c);
    return t;
  }

  /**
   * Reorders the rows, in place, so each investor's rows are contiguous (investor order, file order within an
   * investor; `grouped`) — then the kernel reads the table's own columns and no investor-ordered copy is made.
   * Every column moves by the same permutation, in two cache-friendly passes through one scratch column of
   * 4 bytes a row: rows are scattered, in file order, into ≤ 256 buckets of investors (few write streams),
   * then each bucket, a small region, is scattered to its investors' places. A further 4 bytes a row hold each
   * bucket slot's final place, computed once. So it touches 8 bytes a row of new memory instead of a copy of
   * the columns. For callers that own the table (the CLI) — row numbers change, each row's line does not.
   */
  groupInPlace(): void {
    if (this.grouped) return;
    const g = this.grouping(false);
    const scratch = new Int32Array(this.count);
    for (const name of GROUP_COLUMNS) moveColumn(this, this.count, name, g, scratch);
    this.finishGrouping(g);
  }

  /**
   * The permutation `groupInPlace` applies: investor buckets and each bucket slot's destination (in shared
   * memory when `shared`, so worker threads can move columns by it: `cli/parallel-group.ts`).
   */
  grouping(shared: boolean): Grouping {
    const n = this.count;
    const inv = this.investor;
    const start = investorStarts(this);
    const investors = this.investorIds.length;
    let shift = 0;
    while (investors >>> shift > 256) shift++;
    const buckets = (investors >>> shift) + 1;
    const pos = new Int32Array(buckets);
    for (let b = 0; b < buckets; b++) pos[b] = start[Math.min(investors, b << shift)]!;
    // dest[k]: where the row in bucket slot k ends up.
    const dest = shared ? new Int32Array(new SharedArrayBuffer(Math.max(1, n) * 4)) : new Int32Array(n);
    const at = start.slice(0, investors);
    const fill = pos.slice();
    for (let r = 0; r < n; r++) {
      const i = inv[r]!;
      dest[fill[i >>> shift]!++] = at[i]!++;
    }
    return { start, pos, shift, dest };
  }

  /** After every column but the investor's has moved (`moveColumn`): the investor column, and `grouped`. */
  finishGrouping(g: Grouping): void {
    // The investor column last (the moves read it in the old order): now simply each investor's range.
    const investors = this.investorIds.length;
    for (let i = 0; i < investors; i++) this.investor.fill(i, g.start[i]!, g.start[i + 1]!);
    this.grouped = true;
  }

  private resize(c: number): void {
    this.investor = grow(this.investor, c);
    this.account = grow(this.account, c);
    this.day = grow(this.day, c);
    this.seq = grow(this.seq, c);
    this.side = grow(this.side, c);
    this.channel = grow(this.channel, c);
    this.qty = grow(this.qty, c);
    this.priceMilli = grow(this.priceMilli, c);
    this.line = grow(this.line, c);
    this.security = grow(this.security, c);
  }
}

export interface TableSnapshot extends TableColumns {
  file: string;
  count: number;
  grouped: boolean;
  columns: string[];
  investorIds: string[];
  accountIds: string[];
  accountInvestor: number[];
  channels: string[];
  securityIds: string[];
}

/** The ten trade columns (in the order of `TradeTable`'s fields). */
export interface TableColumns {
  investor: Int32Array;
  account: Int32Array;
  day: Int32Array;
  seq: Int32Array;
  side: Uint8Array;
  channel: Uint8Array;
  qty: Float64Array;
  priceMilli: Int32Array;
  line: Int32Array;
  security: Uint16Array;
}

/** Columns of `rows` rows in SharedArrayBuffers (zero-filled), for worker threads to write and read. */
export function sharedColumns(rows: number): TableColumns {
  const n = Math.max(1, rows);
  const sab = (bytes: number) => new SharedArrayBuffer(n * bytes);
  return {
    investor: new Int32Array(sab(4)),
    account: new Int32Array(sab(4)),
    day: new Int32Array(sab(4)),
    seq: new Int32Array(sab(4)),
    side: new Uint8Array(sab(1)),
    channel: new Uint8Array(sab(1)),
    qty: new Float64Array(sab(8)),
    priceMilli: new Int32Array(sab(4)),
    line: new Int32Array(sab(4)),
    security: new Uint16Array(sab(2)),
  };
}

/** How `groupInPlace` moves the rows (`TradeTable.grouping`). */
export interface Grouping {
  /** Where each investor's rows start in investor order (`investorStarts`). */
  start: Int32Array;
  /** Where each bucket of 2^shift investors starts. */
  pos: Int32Array;
  shift: number;
  /** The final place of the row in each bucket slot. */
  dest: Int32Array;
}

/** The columns `moveColumn` moves (all but the investor's). */
export const GROUP_COLUMNS = [
  'account',
  'day',
  'seq',
  'priceMilli',
  'line',
  'qty',
  'side',
  'channel',
  'security',
] as const;
export type GroupColumn = (typeof GROUP_COLUMNS)[number];

/**
 * Moves one column of `c` (rows [0, n)) to its grouped places, through `scratch` (n 4-byte words): pass 1
 * scatters the rows, in file order, into their investors' buckets in `scratch` (few write streams); pass 2
 * puts each bucket slot at its place (inside the bucket's own range: a small region). A Float64 column moves
 * as two 32-bit words. The investor column is read, not moved.
 */
export function moveColumn(
  c: TableColumns,
  n: number,
  name: GroupColumn,
  g: Grouping,
  scratch: Int32Array,
): void {
  const col = c[name];
  if (col instanceof Float64Array) {
    const words = new Int32Array(col.buffer, col.byteOffset, 2 * n);
    move32(words, 2, 0, c.investor, n, g, scratch);
    move32(words, 2, 1, c.investor, n, g, scratch);
  } else if (col instanceof Int32Array) move32(col, 1, 0, c.investor, n, g, scratch);
  else if (col instanceof Uint16Array)
    move16(col, c.investor, n, g, new Uint16Array(scratch.buffer, scratch.byteOffset, n));
  else move8(col, c.investor, n, g, new Uint8Array(scratch.buffer, scratch.byteOffset, n));
}

// One function per element type, so each stays monomorphic (fast) in the JIT.
function move32(
  col: Int32Array,
  stride: number,
  h: number,
  inv: Int32Array,
  n: number,
  g: Grouping,
  tmp: Int32Array,
): void {
  const { shift, dest } = g;
  const fill = g.pos.slice();
  for (let r = 0; r < n; r++) tmp[fill[inv[r]! >>> shift]!++] = col[r * stride + h]!;
  for (let k = 0; k < n; k++) col[dest[k]! * stride + h] = tmp[k]!;
}

function move16(col: Uint16Array, inv: Int32Array, n: number, g: Grouping, tmp: Uint16Array): void {
  const { shift, dest } = g;
  const fill = g.pos.slice();
  for (let r = 0; r < n; r++) tmp[fill[inv[r]! >>> shift]!++] = col[r]!;
  for (let k = 0; k < n; k++) col[dest[k]!] = tmp[k]!;
}

function move8(col: Uint8Array, inv: Int32Array, n: number, g: Grouping, tmp: Uint8Array): void {
  const { shift, dest } = g;
  const fill = g.pos.slice();
  for (let r = 0; r < n; r++) tmp[fill[inv[r]! >>> shift]!++] = col[r]!;
  for (let k = 0; k < n; k++) col[dest[k]!] = tmp[k]!;
}

type Typed = Int32Array | Uint8Array | Uint16Array | Float64Array;
function grow<A extends Typed>(a: A, c: number): A {
  const b = new (a.constructor as new (n: number) => A)(c);
  b.set(a.subarray(0, Math.min(a.length, c)) as never);
  return b;
}

/**
 * Trade indices grouped by investor (stable, file order), via counting sort: `order[start[i]..start[i+1])`.
 */
export function groupByInvestor(t: TradeTable): { order: Int32Array; start: Int32Array } {
  const start = investorStarts(t);
  return { order: investorOrder(t, start), start };
}

/** Where each investor's trades start in investor order (`start[n]` = all trades). */
export function investorStarts(t: TradeTable): Int32Array {
  const n = t.investorIds.length;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < t.count; i++) start[(t.investor[i] ?? 0) + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  return start;
}

/** The trade rows grouped by investor (file order within an investor), as `start` places them. */
export function investorOrder(t: TradeTable, start: Int32Array): Int32Array {
  const n = t.investorIds.length;
  const fill = start.slice(0, n);
  const order = new Int32Array(t.count);
  for (let i = 0; i < t.count; i++) {
    const inv = t.investor[i]!;
    order[fill[inv]!++] = i;
  }
  return order;
}

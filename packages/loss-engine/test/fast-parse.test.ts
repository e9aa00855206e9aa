import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { inProcess, parseTradesFileParallel } from '../src/cli/parallel-parse';
import { parseTradesFileFast } from '../src/io/fast-trades';
import { parseTradesCsv } from '../src/io/parse-trades';
import type { TradeTable } from '../src/trade-table';

// The fast byte parser either gives up (null) or builds exactly the table of the generic parser; on valid
// plain files it never gives up.
const dir = mkdtempSync(join(tmpdir(), 'loss-fast-parse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function view(t: TradeTable) {
  const n = t.count;
  return {
    count: n,
    cols: [
      t.investor,
      t.account,
      t.day,
      t.seq,
      t.side,
      t.channel,
      t.qty,
      t.priceMilli,
      t.line,
      t.security,
    ].map((c) => Array.from(c.subarray(0, n))),
    ids: [
      t.investorIds,
      t.accountIds,
      t.accountInvestor,
      t.channels,
      t.securityIds,
      t.columns,
      [...t.securities],
    ],
    errors: t.fileErrors.length + t.investorErrors.size,
  };
}

const good = fc.record({
  // ids around the 4-byte word and 16-byte short-record boundaries, keys with the same bytes split differently
  // (I1 + 2a, I12 + a), and keys too long for any record (string fallback)
  inv: fc.constantFrom(
    'I1',
    'I2',
    'I3',
    'I12',
    '投资者4',
    'I55326',
    'I234567890123',
    'I2345678901234567890',
    'J'.repeat(45),
  ),
  acc: fc.constantFrom('a', 'b', '2a', 'A1-0', '账户', 'A12', 'A234', 'A2345678901234567890123'),
  sec: fc.constantFrom('600518', '000001', ''),
  date: fc.constantFrom('2020-01-02', '2020-02-29', '2020-03-01', '2021-12-31'),
  seq: fc.integer({ min: 0, max: 20 }).map(String),
  side: fc.constantFrom('B', 'S', 'b', 's'),
  ch: fc.constantFrom('auction', 'block', 'ipo', 'block-trade-channel-with-a-long-name-over-44-bytes'),
  qty: fc.integer({ min: 1, max: 99_999 }).map(String),
  price: fc.constantFrom('10', '10.5', '9.99', '0.001', '7.', '12.340'),
});
const bad = fc.constantFrom(
  '2020-02-30',
  '2020-1-02',
  '-5',
  '1.2345',
  'X',
  '',
  '"q,uoted"',
  ' 7',
  '99999999999999999',
  '.5',
  '3000000',
);
const COLS = [
  'investor_id',
  'account_id',
  'security',
  'trade_date',
  'seq',
  'side',
  'channel',
  'quantity',
  'price',
];

describe('fast trades parser', () => {
  it('builds the generic parser’s table, or gives up', async () => {
    let n = 0;
    let accepted = 0;
    let parallel = 0;
    let gaveUp = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(good, fc.option(fc.tuple(fc.integer({ min: 0, max: 8 }), bad), { freq: 8 })), {
          maxLength: 40,
        }),
        fc.shuffledSubarray(COLS, { minLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 5, max: 200 }),
        fc.integer({ min: 2, max: 6 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 8 }),
        async (rows, cols, eol, bom, blank, block, parts, unsorted, stage) => {
          const ordered = COLS.filter((c) => cols.includes(c) || !['security', 'seq', 'channel'].includes(c));
          // Unsorted rows go backwards within an account now and then, also across range borders.
          const sorted = unsorted
            ? rows
            : [...rows].sort(
                (x, y) => x[0].date.localeCompare(y[0].date) || Number(x[0].seq) - Number(y[0].seq),
              );
          const lines = sorted.map(([g, b]) => {
            const f: Record<string, string> = {
              investor_id: g.inv,
              account_id: g.acc,
              security: g.sec,
              trade_date: g.date,
              seq: g.seq,
              side: g.side,
              channel: g.ch,
              quantity: g.qty,
              price: g.price,
            };
            if (b) f[COLS[b[0]]!] = b[1];
            return ordered.map((c) => f[c]).join(',');
          });
          if (blank && lines.length > 1) lines.splice(1, 0, '');
          const text = `${bom ? '\ufeff' : ''}${ordered.join(',')}${eol}${lines.join(eol)}${rows.length % 2 ? eol : ''}`;
          const file = join(dir, `t${n++}.csv`);
          writeFileSync(file, text);
          const slow = parseTradesCsv(text, file);
          // Rows are staged `stage` at a time before their ids are looked up (small blocks: many block ends).
          const fast = parseTradesFileFast(file, text.length, undefined, block, stage);
          if (fast) {
            accepted++;
            expect(view(fast)).toEqual(view(slow));
          }
          if (rows.every(([, b]) => !b) && view(slow).errors === 0) expect(fast).not.toBeNull();
          // The parallel parse (ranges parsed here, not on threads) builds the same table, or gives up when
          // the fast parser does.
          const par = await parseTradesFileParallel(file, Buffer.byteLength(text), parts, inProcess);
          if (par) {
            parallel++;
            expect(fast).not.toBeNull();
            expect(view(par)).toEqual(view(fast!));
          } else if (fast && fast.count > 0) gaveUp++;
        },
      ),
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(50);
    expect(parallel).toBeGreaterThan(25);
    expect(gaveUp).toBe(0);
  });
});

describe('fast trades parser, many ids', () => {
  it('builds the generic parser’s table while its id tables grow in the middle of staged blocks', () => {
    // 12,000 accounts, each new one followed by a row of an account seen before: the short and the long id
    // table each grow several times, with rows after the growth in the same block whose keys were found
    // (at their old places) before it.
    const lines = [COLS.join(',')];
    for (let r = 0; r < 24_000; r++) {
      const i = r % 2 === 0 ? r / 2 : (r * 7919) % Math.max(1, r >> 1);
      const long = i % 3 === 0;
      lines.push(
        `${long ? 'INVESTOR-WITH-A-LONGER-ID-' : 'I'}${i},A${i},600518,2020-01-02,${r},B,auction,100,10`,
      );
    }
    const text = `${lines.join('\n')}\n`;
    const file = join(dir, 'many.csv');
    writeFileSync(file, text);
    for (const stage of [1, 7, 512]) {
      const fast = parseTradesFileFast(file, text.length, undefined, 1 << 16, stage);
      expect(fast).not.toBeNull();
      expect(view(fast!)).toEqual(view(parseTradesCsv(text, file)));
      expect(fast!.accountIds.length).toBe(12_000);
    }
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = new URL('../bin/sutiao-loss.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'sutiao-loss-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const cli = (...args: string[]) => cliWith({}, ...args);
/** With extra environment: SUTIAO_LOSS_PARALLEL_PARSE_MIN=0 parses even tiny files on the worker threads. */
const cliWith = (env: Record<string, string>, ...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const PARALLEL = { SUTIAO_LOSS_PARALLEL_PARSE_MIN: '0' };

const HEAD = 'investor_id,account_id,security,trade_date,seq,side,channel,quantity,price';
const GOOD = [
  'E1,a1,600518,2020-02-03,1,B,auction,1000,10',
  'E2,b1,600518,2019-12-01,1,B,auction,1000,7',
  'E1,a1,600518,2020-03-02,1,B,auction,1000,8',
  'E2,b1,600518,2020-02-03,1,B,auction,1000,10',
  'E1,a2,600518,2020-04-01,1,S,auction,500,12',
  'E2,b1,600518,2020-04-01,1,S,auction,1500,9',
  'E1,a1,600518,2020-06-05,1,S,auction,600,6',
  'E2,b1,600518,2020-05-06,1,B,auction,500,8',
  'E2,b1,600518,2020-06-10,1,S,auction,400,6',
  'E1,a1,600518,2020-07-10,1,S,auction,900,4',
];
const params = file(
  'case.json',
  JSON.stringify({
    segments: [
      {
        implementationDate: '2020-01-10',
        disclosureDate: '2020-06-01',
        baseDate: '2020-06-30',
        basePrice: '5.00',
      },
    ],
    commissionRate: '0.0003',
    stampDutyRate: '0.001',
  }),
);
const trades = file('trades.csv', `${HEAD}\n${GOOD.join('\n')}\n`);

describe('sutiao-loss CLI', () => {
  it('--help exits 0', () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('sutiao-loss assess');
  });

  it('assess writes one row per investor and a summary; workers give the same file', () => {
    const out = join(dir, 'out.csv');
    const r = cli('assess', '--params', params, '--trades', trades, '--out', out, '--workers', '1');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/合计 total:\s+9011\.70/);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toBe(
      'investor_id,eligible,reason,N,C,Ns,Ps,Nh,B,L,r,L_deducted,commission,stamp_duty,interest,total',
    );
    expect(text).toContain(
      'E1,true,LOSS,1500,9.000000,600,6.000000,900,5.000000,5400.00,0.000000,5400.00,1.62,5.40,0.00,5407.02',
    );
    const out2 = join(dir, 'out2.csv');
    expect(cli('assess', '--params', params, '--trades', trades, '--out', out2, '--workers', '2').code).toBe(
      0,
    );
    expect(readFileSync(out2, 'utf8')).toBe(text);
    // Parsed on 2 and 3 threads (byte ranges), assessed on as many: the same file and the same summary.
    for (const w of ['2', '3']) {
      const out3 = join(dir, `out-p${w}.csv`);
      const p = cliWith(
        PARALLEL,
        'assess',
        '--params',
        params,
        '--trades',
        trades,
        '--out',
        out3,
        '--workers',
        w,
      );
      expect(p.code).toBe(0);
      expect(p.out.replace(out3, out)).toBe(r.out);
      expect(readFileSync(out3, 'utf8')).toBe(text);
    }
  });

  const badCases: [string, string, RegExp][] = [
    [
      'unknown side',
      'E1,a1,600518,2020-02-03,1,X,auction,1000,10',
      /bad\.csv:2:6 \(side\).*未知买卖方向.*unknown side "X"/,
    ],
    [
      'negative quantity',
      'E1,a1,600518,2020-02-03,1,B,auction,-5,10',
      /bad\.csv:2:8 \(quantity\).*数量为负.*negative quantity/,
    ],
    [
      'unparseable date',
      'E1,a1,600518,2020-02-30,1,B,auction,5,10',
      /bad\.csv:2:4 \(trade_date\).*日期无法解析.*unparseable date "2020-02-30"/,
    ],
    [
      'price with 4 decimals',
      'E1,a1,600518,2020-02-03,1,B,auction,5,10.1234',
      /bad\.csv:2:9 \(price\).*价格无效.*invalid price/,
    ],
  ];
  for (const [name, row, re] of badCases) {
    it(`rejects ${name} with file, line and column, exit 2`, () => {
      const bad = file('bad.csv', `${HEAD}\n${row}\n`);
      const r = cli('assess', '--params', params, '--trades', bad, '--out', join(dir, 'never.csv'));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(re);
      expect(existsSync(join(dir, 'never.csv'))).toBe(false);
    });
  }

  it('rejects an unknown column, trades out of order and a sell exceeding holdings', () => {
    const unknown = file('u.csv', `${HEAD},colour\n${GOOD[0]},red\n`);
    expect(cli('assess', '--params', params, '--trades', unknown, '--out', join(dir, 'x.csv')).err).toMatch(
      /u\.csv:1:10 \(colour\).*未知列.*unknown column "colour"/,
    );
    const order = file('o.csv', `${HEAD}\n${GOOD[2]}\n${GOOD[0]}\n`);
    const r = cli('assess', '--params', params, '--trades', order, '--out', join(dir, 'x.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/o\.csv:3:4 .*OUT_OF_ORDER.*倒退.*backwards/);
    // The same when the two rows fall into different byte ranges of a parallel parse.
    const p = cliWith(PARALLEL, 'assess', '--params', params, '--trades', order, '--out', join(dir, 'x.csv'));
    expect([p.code, p.err]).toEqual([2, r.err]);
    const oversell = file('s.csv', `${HEAD}\n${GOOD[0]}\nE1,a1,600518,2020-02-04,1,S,auction,1001,10\n`);
    expect(cli('assess', '--params', params, '--trades', oversell, '--out', join(dir, 'x.csv')).err).toMatch(
      /s\.csv:3:8 \(quantity\).*卖出数量超过.*exceeds/,
    );
  });

  it('rejects bad parameters (segment order) and the index method without market data', () => {
    const p = file(
      'p.json',
      JSON.stringify({
        segments: [
          {
            implementationDate: '2020-06-10',
            disclosureDate: '2020-06-01',
            baseDate: '2020-06-30',
            basePrice: 5,
          },
        ],
      }),
    );
    const r = cli('assess', '--params', p, '--trades', trades, '--out', join(dir, 'x.csv'));
    expect([r.code, /SEGMENT_ORDER/.test(r.err)]).toEqual([2, true]);
    const q = file(
      'q.json',
      JSON.stringify({
        segments: [
          {
            implementationDate: '2020-01-10',
            disclosureDate: '2020-06-01',
            baseDate: '2020-06-30',
            basePrice: 5,
          },
        ],
        systemicRisk: { method: 'index', indices: ['SH'] },
      }),
    );
    const s = cli('assess', '--params', q, '--trades', trades, '--out', join(dir, 'x.csv'));
    expect([s.code, /MISSING_MARKET_DATA.*缺少|index method needs market data/.test(s.err)]).toEqual([
      2,
      true,
    ]);
  });

  it('--keep-going writes the good investors and <out>.errors.csv with the rest', () => {
    const mixed = file('m.csv', `${HEAD}\n${GOOD.join('\n')}\nBAD,z1,600518,2020-02-03,1,Q,auction,1,1\n`);
    const out = join(dir, 'kg.csv');
    const r = cli('assess', '--params', params, '--trades', mixed, '--out', out, '--keep-going');
    expect(r.code).toBe(0);
    expect(
      readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(',')[0]),
    ).toEqual(['investor_id', 'E1', 'E2']);
    const errs = readFileSync(`${out}.errors.csv`, 'utf8');
    expect(errs).toMatch(/^investor_id,code,file,line,column/);
    expect(errs).toMatch(/BAD,UNKNOWN_SIDE,.*m\.csv,12,6,side/);
  });

  it('reports every problem of every row, not only each investor’s first (also with --keep-going)', () => {
    const bad = file(
      'many.csv',
      `${HEAD}\n${GOOD.join('\n')}\nE1,a1,600518,2020-07-11,1,Q,auction,1,1\nE1,a1,600518,2020-07-12,1,B,auction,0,abc\n`,
    );
    const r = cli('assess', '--params', params, '--trades', bad, '--out', join(dir, 'many-out.csv'));
    expect(r.code).toBe(2);
    expect(r.err.match(/\[[A-Z_]+\]/g)).toEqual(['[UNKNOWN_SIDE]', '[BAD_QUANTITY]', '[BAD_PRICE]']);
    expect(r.err).toMatch(/many\.csv:12:6 \(side\)/);
    expect(r.err).toMatch(/many\.csv:13:9 \(price\)/);
    const out = join(dir, 'many-kg.csv');
    expect(cli('assess', '--params', params, '--trades', bad, '--out', out, '--keep-going').code).toBe(0);
    const errs = readFileSync(`${out}.errors.csv`, 'utf8').trim().split('\n').slice(1);
    expect(errs.map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      `E1,UNKNOWN_SIDE,${bad},12`,
      `E1,BAD_QUANTITY,${bad},13`,
      `E1,BAD_PRICE,${bad},13`,
    ]);
  });

  it('never leaves a half-written output: a failed run keeps the old file and no temp files', () => {
    const out = file('keep.csv', 'OLD\n');
    const bad = file('bad2.csv', `${HEAD}\nE1,a1,600518,2020-02-03,1,B,auction,1000,abc\n`);
    expect(cli('assess', '--params', params, '--trades', bad, '--out', out).code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('OLD\n');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('reads and writes .xlsx (streaming) with the same values as CSV', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('trades');
    ws.addRow(HEAD.split(','));
    for (const l of GOOD) {
      const f: (string | number)[] = l.split(',');
      f[7] = Number(f[7]);
      f[8] = Number(f[8]);
      ws.addRow(f);
    }
    const xin = join(dir, 'trades.xlsx');
    await wb.xlsx.writeFile(xin);
    const xout = join(dir, 'out.xlsx');
    expect(cli('assess', '--params', params, '--trades', xin, '--out', xout).code).toBe(0);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(xout);
    const rows: string[] = [];
    back.worksheets[0]!.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1).join(','));
    });
    const csvOut = join(dir, 'same.csv');
    cli('assess', '--params', params, '--trades', trades, '--out', csvOut);
    expect(rows.join('\n')).toBe(readFileSync(csvOut, 'utf8').trim());
  });

  it('base-date prints the base date and price', () => {
    const lines = ['date,close,auction_volume,float_shares'];
    for (let k = 1; k <= 31; k++) lines.push(`2020-07-${String(k).padStart(2, '0')},${k},200,1000`);
    const m = file('market.csv', `${lines.join('\n')}\n`);
    const r = cli('base-date', '--market', m, '--disclosure', '2020-07-01', '--rules', '2003');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      baseDate: '2020-07-05',
      basePrice: '3.000000',
      tradingDays: 5,
    });
    const r22 = cli('base-date', '--market', m, '--disclosure', '2020-07-01');
    expect(JSON.parse(r22.out)).toMatchObject({
      baseDate: '2020-07-10',
      basePrice: '5.500000',
      tradingDays: 10,
    });
    expect(cli('base-date', '--market', m, '--disclosure', '2020-13-01').code).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { parseTradesCsv } from '../src/io/parse-trades';
import { ROW_PROBLEM_CAP } from '../src/trade-table';

const HEAD = 'investor_id,account_id,security,trade_date,seq,side,channel,quantity,price';

describe('trade row problems', () => {
  it('keeps every problem of every row, in file order — not only each investor’s first', () => {
    const t = parseTradesCsv(
      [
        HEAD,
        'A,a1,600518,2020-02-03,1,B,auction,100,10',
        'A,a1,600518,2020-02-30,1,B,auction,100,10',
        'A,a1,600518,2020-03-02,1,Q,auction,-5,1.2345',
        'B,b1,600518,2020-03-02,1,B,auction,100,10',
        'A,a1,600518,2020-03-03,1,B,auction,100,x',
      ].join('\n'),
      'T.csv',
    );
    expect(t.rowProblems.map((p) => [t.investorIds[p.investor], p.error.code, p.error.where.line])).toEqual([
      ['A', 'BAD_DATE', 3],
      ['A', 'UNKNOWN_SIDE', 4],
      ['A', 'NEGATIVE_QUANTITY', 4],
      ['A', 'BAD_PRICE', 4],
      ['A', 'BAD_PRICE', 6],
    ]);
    expect(t.rowProblemsOmitted).toBe(0);
    // The assessment still leaves the investor out on its first problem.
    expect([...t.investorErrors].map(([i, e]) => [t.investorIds[i], e.code])).toEqual([['A', 'BAD_DATE']]);
    expect(t.count).toBe(2);
  });

  it('keeps at most ROW_PROBLEM_CAP and counts the rest', () => {
    const rows = Array.from(
      { length: ROW_PROBLEM_CAP + 7 },
      (_, i) => `I${i},a,600518,2020-02-03,1,X,auction,1,1`,
    );
    const t = parseTradesCsv(`${HEAD}\n${rows.join('\n')}\n`);
    expect(t.rowProblems.length).toBe(ROW_PROBLEM_CAP);
    expect(t.rowProblemsOmitted).toBe(7);
    expect(t.investorErrors.size).toBe(ROW_PROBLEM_CAP + 7);
  });
});

import {
  assessCase,
  parseMarketCsv,
  parseTradesCsv,
  type ResultColumn,
  resultRow,
} from '@sutiao/loss-engine';

/** LOSS-SPEC §6 parameters with the E1 fee rates: E1 totals 5,407.02. */
export const LOSS_PARAMS = {
  ruleVersion: '2022',
  direction: 'inflation',
  segments: [
    {
      implementationDate: '2020-01-10',
      disclosureDate: '2020-06-01',
      baseDate: '2020-06-30',
      basePrice: '5.00',
    },
  ],
  buyAverage: 'mwa',
  commissionRate: '0.0003',
  stampDutyRate: '0.001',
  systemicRisk: { method: 'none' },
};

const HEADER = 'investor_id,account_id,security,trade_date,seq,side,channel,quantity,price';

/** A001 = E1 (investor1), A002 = E3 (investor2), A003 = E2 over two accounts, A004 only buys after disclosure. */
export const TRADES_CSV = `${[
  HEADER,
  'A001,A001-1,600000,2020-02-03,1,B,auction,1000,10',
  'A001,A001-1,600000,2020-03-02,1,B,auction,1000,8',
  'A001,A001-1,600000,2020-04-01,1,S,auction,500,12',
  'A001,A001-1,600000,2020-06-05,1,S,auction,600,6',
  'A001,A001-1,600000,2020-07-10,1,S,auction,900,4',
  'A002,A002-1,600000,2020-02-03,1,B,auction,1000,10',
  'A002,A002-1,600000,2020-03-02,1,S,auction,1000,11',
  'A002,A002-1,600000,2020-04-01,1,B,auction,1000,8',
  'A002,A002-1,600000,2020-05-06,1,B,auction,1000,6',
  'A003,A003-1,600000,2019-12-01,1,B,auction,1000,7',
  'A003,A003-2,600000,2020-02-03,1,B,auction,1000,10',
  'A003,A003-1,600000,2020-04-01,1,S,auction,1500,9',
  'A003,A003-2,600000,2020-05-06,1,B,auction,500,8',
  'A003,A003-1,600000,2020-06-10,1,S,auction,400,6',
  'A004,A004-1,600000,2020-06-02,1,B,auction,300,5.5',
].join('\n')}\n`;

/** Three problems on lines 3, 4 and 5 (side, date, quantity). */
export const BAD_TRADES_CSV = `${[
  HEADER,
  'A001,A001-1,600000,2020-02-03,1,B,auction,1000,10',
  'A002,A002-1,600000,2020-02-03,1,X,auction,1000,10',
  'A003,A003-1,600000,2020-13-45,1,B,auction,1000,10',
  'A005,A005-1,600000,2020-02-03,1,B,auction,-5,10',
].join('\n')}\n`;

export const INVESTORS_CSV = `investor_id,name,id_number
A001,张伟,31010119800101123X
A002,李娜,440301199002023456
A003,王五,11010519491231002X
`;

/** 40 weekdays from 2020-06-01 at 5.00; 80 shares a day against a float of 1,000 reach it on day 13. */
export function marketCsv(): string {
  const lines = ['date,close,auction_volume,float_shares,CSI300'];
  const d = new Date('2020-06-01T00:00:00Z');
  while (lines.length <= 40) {
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) lines.push(`${d.toISOString().slice(0, 10)},5.00,80,1000,4000`);
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return `${lines.join('\n')}\n`;
}

/** What the engine itself says for the same input: the server must store exactly these rows. */
export function engineRows(): Map<string, Record<ResultColumn, string>> {
  const r = assessCase(
    LOSS_PARAMS,
    parseTradesCsv(TRADES_CSV, 'trades.csv'),
    parseMarketCsv(marketCsv()),
    [],
  );
  return new Map(r.results.map((x) => [x.investorId, resultRow(x)]));
}

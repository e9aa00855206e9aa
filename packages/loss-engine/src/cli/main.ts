import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { findBaseDate } from '../base-date';
import { LossInputError } from '../errors';
import { formatDecimal } from '../exact';
import { parseMarketCsv } from '../io/parse-market';
import { assessCommand, report } from './assess-command';
import { readSmallAsCsv } from './files';

const HELP = `sutiao-loss — 证券虚假陈述损失核定 / securities misrepresentation loss assessment

Usage:
  sutiao-loss assess --params case.json --trades trades.csv [--market market.csv] [--actions actions.csv]
                     --out results.csv [--keep-going] [--workers N] [--explain trades-explained.csv]
  sutiao-loss base-date --market market.csv --disclosure YYYY-MM-DD [--rules 2003|2022]
  sutiao-loss --help

Files may be .csv or .xlsx. Exit codes: 0 success, 2 bad input, 1 internal error.
--keep-going   write the good investors and list the others in <out>.errors.csv
--workers N    parse and assess on N worker threads (default: the number of cores, here ${availableParallelism()},
               for trades files of 64 MB or more; smaller ones run on one thread unless --workers is given)
--explain F    also write, per investor, every trade used and why each other trade was excluded
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (command === 'assess') {
    const { values } = parseArgs({
      args: rest,
      options: {
        params: { type: 'string' },
        trades: { type: 'string' },
        market: { type: 'string' },
        actions: { type: 'string' },
        out: { type: 'string' },
        explain: { type: 'string' },
        'keep-going': { type: 'boolean', default: false },
        workers: { type: 'string' },
        progress: { type: 'boolean' },
        'no-progress': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const missing = (['params', 'trades', 'out'] as const).filter((k) => !values[k]);
    if (missing.length > 0)
      return usage(`缺少参数 missing option(s): ${missing.map((m) => `--${m}`).join(', ')}`);
    const workers = Number(values.workers ?? availableParallelism());
    if (!Number.isInteger(workers) || workers < 1 || workers > 64)
      return usage('--workers 应为 1–64 / must be 1–64');
    return assessCommand({
      params: values.params!,
      trades: values.trades!,
      market: values.market,
      actions: values.actions,
      out: values.out!,
      explain: values.explain,
      keepGoing: values['keep-going'] === true,
      workers,
      workersGiven: values.workers !== undefined,
      progress: values['no-progress'] ? false : values.progress,
    });
  }
  if (command === 'base-date') {
    const { values } = parseArgs({
      args: rest,
      options: {
        market: { type: 'string' },
        disclosure: { type: 'string' },
        rules: { type: 'string', default: '2022' },
      },
    });
    if (!values.market || !values.disclosure) return usage('缺少参数 missing --market or --disclosure');
    if (values.rules !== '2022' && values.rules !== '2003')
      return usage('--rules 应为 2003 或 2022 / must be 2003 or 2022');
    const market = parseMarketCsv(await readSmallAsCsv(values.market), values.market);
    const r = findBaseDate(market, values.disclosure, values.rules);
    process.stdout.write(
      `${JSON.stringify(
        {
          baseDate: r.baseDate,
          basePrice: formatDecimal(r.basePrice, 6, 12),
          tradingDays: r.tradingDays,
          turnoverReachedOn: r.turnoverReachedOn,
          rules: values.rules,
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  return usage(`未知命令 unknown command "${command}"`);
}

function usage(msg: string): number {
  process.stderr.write(`${msg}\n\n${HELP}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof LossInputError) process.exitCode = report([e]);
    else if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      process.exitCode = usage(e.message);
    } else {
      process.stderr.write(
        `内部错误 internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
      );
      process.exitCode = 1;
    }
  },
);

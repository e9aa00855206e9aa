import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  assessCase,
  type InvestorError,
  type InvestorResult,
  LossInputError,
  parseActionsCsv,
  parseMarketCsv,
  parseTradesCsv,
  resolveParams,
  summarize,
  type TradeTable,
} from '@sutiao/loss-engine';
import type { Deps, RequestContext } from '../../../deps.ts';
import { applyLossTransition } from './loss-transition.ts';
import { loadAssessment } from './loss-access.ts';
import { toProblem } from './loss-problems.ts';
import { renewRunLease } from './run-lease.ts';
import { loadInputText } from './stored-input.ts';
import { rowsByLine, storeResults } from './store-results.ts';

/** About this many trades per chunk: small enough that requests are served between chunks. */
const CHUNK_TRADES = 20_000;

/** Investor ranges [from, to) of roughly CHUNK_TRADES trades each, with their trade counts for the progress bar. */
function chunks(table: TradeTable): { range: [number, number]; trades: number }[] {
  const perInvestor = new Int32Array(table.investorIds.length);
  for (let i = 0; i < table.count; i++) {
    const k = table.investor[i] ?? 0;
    perInvestor[k] = (perInvestor[k] ?? 0) + 1;
  }
  const out: { range: [number, number]; trades: number }[] = [];
  let from = 0;
  let acc = 0;
  perInvestor.forEach((n, i) => {
    acc += n;
    if (acc >= CHUNK_TRADES) {
      out.push({ range: [from, i + 1], trades: acc });
      from = i + 1;
      acc = 0;
    }
  });
  if (from < perInvestor.length) out.push({ range: [from, perInvestor.length], trades: acc });
  return out;
}

/**
 * The background run: in-process and chunked (the event loop is released between chunks, so the server stays
 * responsive on PGlite's single connection too), progress persisted after each chunk, the outcome recorded as the
 * lifecycle's finish or fail event by the system actor.
 */
export async function runAssessmentJob(deps: Deps, id: string, requestId: string): Promise<void> {
  const system: RequestContext = { actor: null, requestId, actorRole: 'system' };
  try {
    const row = await loadAssessment(deps.db, id);
    const trades = await loadInputText(deps, id, 'trades');
    const market = await loadInputText(deps, id, 'market');
    const actions = await loadInputText(deps, id, 'actions');
    if (!trades) throw new Error('trades missing'); // the run guard requires them
    const params = resolveParams(row.params);
    const table = parseTradesCsv(trades.text, trades.name);
    const marketData = market ? parseMarketCsv(market.text, market.name) : null;
    const actionList = actions ? parseActionsCsv(actions.text, actions.name) : [];
    const byLine = rowsByLine(table);
    const kept: InvestorResult[] = [];
    const errors: InvestorError[] = [];
    let done = 0;
    for (const { range, trades: chunkTrades } of chunks(table)) {
      const r = assessCase(params, table, marketData, actionList, {
        explain: true,
        keepGoing: true,
        investorRange: range,
      });
      await storeResults(deps.db, id, r.results, table, byLine);
      for (const result of r.results) kept.push({ ...result, trades: undefined });
      errors.push(...r.errors);
      done += chunkTrades;
      if (!(await renewRunLease(deps.db, id, deps.now(), done))) return; // cancelled or claimed elsewhere
      await yieldToEventLoop();
    }
    const summary = {
      ...summarize(kept, errors.length),
      problems: errors.slice(0, 200).map(investorProblem),
    };
    await finish(deps, system, id, 'finish', { summary: JSON.stringify(summary), progress_done: done });
  } catch (e) {
    const runError =
      e instanceof LossInputError
        ? toProblem(e)
        : { code: 'INTERNAL', zh: '计算失败，请联系运维人员', en: 'the run failed; contact operations' };
    await finish(deps, system, id, 'fail', { run_error: JSON.stringify(runError) }).catch(() => undefined);
  }
}

const investorProblem = (e: InvestorError) => ({ investorId: e.investorId, ...toProblem(e.error) });

async function finish(
  deps: Deps,
  system: RequestContext,
  id: string,
  event: 'finish' | 'fail',
  changes: { summary?: string; run_error?: string; progress_done?: number },
): Promise<void> {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadAssessment(trx, id, { forUpdate: true });
    await applyLossTransition(
      trx,
      system,
      row,
      {
        event,
        inputsComplete: true,
        changes: event === 'finish' ? { ...changes, calculated_at: now } : changes,
      },
      now,
    );
  });
}

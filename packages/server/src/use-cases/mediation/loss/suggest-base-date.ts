import {
  findBaseDate,
  formatDecimal,
  LossInputError,
  parseMarketCsv,
  type RuleVersion,
} from '@sutiao/loss-engine';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { requirePermission } from '../../common/require-permission.ts';
import { loadAssessment } from './loss-access.ts';
import { loadInputText } from './stored-input.ts';

interface SuggestBaseDateInput {
  id: string;
  disclosureDate: string;
  ruleVersion?: RuleVersion;
}

export interface BaseDateSuggestion {
  baseDate: string;
  /** Mean close, exact when it terminates within 12 places. */
  basePrice: string;
  /** Rounded half-up to 0.01 yuan, the form courts usually write. */
  basePriceRounded: string;
  tradingDays: number;
  turnoverReachedOn: number | null;
}

/** LOSS-SPEC §5 from the uploaded market data; only a suggestion — the court's values prevail. */
export async function suggestBaseDate(
  deps: Deps,
  ctx: SignedInContext,
  input: SuggestBaseDateInput,
): Promise<BaseDateSuggestion> {
  requirePermission(ctx, 'loss.assess');
  const row = await loadAssessment(deps.db, input.id);
  const market = await loadInputText(deps, row.id, 'market');
  if (!market)
    throw appError('VALIDATION_FAILED', {
      reason: { zh: '请先上传行情数据', en: 'upload market data first' },
    });
  try {
    const r = findBaseDate(parseMarketCsv(market.text, market.name), input.disclosureDate, input.ruleVersion);
    return {
      baseDate: r.baseDate,
      basePrice: formatDecimal(r.basePrice, 2, 12),
      basePriceRounded: formatDecimal(r.basePrice, 2, 2),
      tradingDays: r.tradingDays,
      turnoverReachedOn: r.turnoverReachedOn,
    };
  } catch (e) {
    if (e instanceof LossInputError) throw appError('VALIDATION_FAILED', { reason: { zh: e.zh, en: e.en } });
    throw e;
  }
}

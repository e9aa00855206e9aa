import type { Window } from './windows';

/** Why each trade was used or excluded, per segment (docs/loss-rules.md §10). */
export const TRADE_CODES = {
  W1_OPEN: [
    '揭露前有效买入，计入可索赔持仓',
    'eligible buy before disclosure: added to the compensable position',
  ],
  W1_CLOSE: ['揭露前卖出，减少可索赔持仓', 'sell before disclosure: reduced the compensable position'],
  W2_CLOSE: ['揭露日至基准日卖出可索赔股份', 'sell of compensable shares between disclosure and base date'],
  PRE_PERIOD: [
    '实施日前交易，形成不可索赔的原有持仓',
    'before the implementation date: legacy, non-compensable holding',
  ],
  INELIGIBLE_CHANNEL: [
    '非集中竞价等渠道取得，不可索赔',
    'acquired through a non-eligible channel: non-compensable',
  ],
  W1_CLOSE_NON_COMPENSABLE: [
    '揭露前卖出，仅消耗不可索赔股份',
    'sell before disclosure that consumed only non-compensable shares',
  ],
  W2_OPEN: ['揭露日后买入，不可索赔', 'buy on/after the disclosure date: not compensable'],
  W2_CLOSE_NON_COMPENSABLE: [
    '揭露后卖出，仅消耗不可索赔股份',
    'sell after disclosure that consumed only non-compensable shares',
  ],
  POST_BASE_DATE: ['基准日后交易，不影响损失', 'after the base date: does not affect the loss'],
  OTHER_SECURITY: ['其他证券的交易', 'trade in another security'],
} as const;

export type TradeCode = keyof typeof TRADE_CODES;

export interface TradeNote {
  /** Index into the trade table. */
  row: number;
  segment: number;
  window: Window;
  used: boolean;
  code: TradeCode;
}

/** Investor-level reasons. */
export const INVESTOR_REASONS = {
  LOSS: ['有损失', 'has a loss'],
  NO_LOSS: ['持有可索赔股份但无损失', 'held compensable shares but has no loss'],
  SOLD_OUT_BEFORE_DISCLOSURE: ['揭露日前已全部卖出', 'sold out before the disclosure date'],
  INELIGIBLE_CHANNEL_ONLY: [
    '实施日至揭露日间的买入（诱空案件为卖出）均通过大宗交易等不可索赔渠道',
    'every buy (in a deflation case, sell) between implementation and disclosure went through a non-eligible channel, such as a block trade',
  ],
  NOT_IN_RANGE: ['实施日至揭露日间无有效买入', 'no eligible buy between implementation and disclosure'],
} as const;

export type InvestorReason = keyof typeof INVESTOR_REASONS;

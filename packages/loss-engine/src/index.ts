/** @sutiao/loss-engine — securities misrepresentation loss assessment (损失核定), exact arithmetic. */
export {
  type AssessOptions,
  assessCase,
  type CaseResult,
  type CaseSummary,
  type InvestorError,
  resolveParams,
  summarize,
} from './assess-case';
export {
  assessInvestorRows,
  type InvestorResult,
  type MoneyCents,
  type SegmentResult,
  type TradeExplanation,
} from './assess-investor';
export { type BaseDateResult, findBaseDate } from './base-date';
export { formatDay, parseDay } from './dates';
export { ERROR_CODES, type ErrorCode, type ErrorLocation, LossInputError } from './errors';
export { type Exact, formatDecimal, formatFixed, parseDecimal } from './exact';
export { INVESTOR_REASONS, type InvestorReason, TRADE_CODES, type TradeCode } from './explain';
export { exactField, type Field, fastField } from './field';
export { cellText } from './io/cell-text';
export { CsvSplitter, csvLine } from './io/csv';
export {
  ERROR_COLUMNS,
  EXPLAIN_COLUMNS,
  errorCsvLine,
  explainCsvLines,
  RESULT_COLUMNS,
  type ResultColumn,
  resultCsvHeader,
  resultCsvLine,
  resultRow,
  resultsToCsv,
} from './io/format-results';
export { parseActionsCsv, parseMarketCsv } from './io/parse-market';
export {
  parseTradesCsv,
  parseTradesStream,
  type TradeInput,
  TradeRowParser,
  tradeTableFrom,
} from './io/parse-trades';
export type { CorporateAction, MarketData } from './market';
export {
  type BuyAverage,
  DEFAULT_ELIGIBLE_CHANNELS,
  type Direction,
  type LossParams,
  type ParamsResult,
  type RuleVersion,
  type Segment,
  type SystemicRisk,
  validateParams,
} from './params';
export { TradeTable } from './trade-table';

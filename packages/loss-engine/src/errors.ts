/** Typed, stable input-error codes. Each carries a Chinese and an English message and, when known, where. */
export const ERROR_CODES = {
  BAD_PARAM: '参数无效 / invalid parameter',
  SEGMENT_ORDER: '区间日期顺序错误 / segment dates are not in order',
  MISSING_COLUMN: '缺少列 / missing column',
  UNKNOWN_COLUMN: '未知列 / unknown column',
  DUPLICATE_COLUMN: '重复列 / duplicate column',
  FIELD_COUNT: '字段数与表头不符 / field count differs from header',
  EMPTY_FIELD: '字段为空 / empty field',
  BAD_DATE: '日期无法解析 / unparseable date',
  BAD_SEQ: '序号无效 / invalid seq',
  UNKNOWN_SIDE: '未知买卖方向 / unknown side',
  NEGATIVE_QUANTITY: '数量为负 / negative quantity',
  BAD_QUANTITY: '数量无效 / invalid quantity',
  BAD_PRICE: '价格无效 / invalid price',
  BAD_NUMBER: '数值无效 / invalid number',
  OUT_OF_ORDER: '同一账户内交易顺序倒退 / trades out of order within an account',
  MIXED_SECURITIES: '文件含多个证券 / more than one security in the file',
  SELL_EXCEEDS_HOLDINGS: '卖出超过持仓 / sell exceeds holdings',
  MARKET_ORDER: '行情日期未递增 / market dates not increasing',
  MISSING_MARKET_DATA: '缺少行情数据 / missing market data',
  INSUFFICIENT_MARKET_DATA: '行情数据不足 / not enough market data',
  ACTION_INVALID: '送转数据无效 / invalid corporate action',
  FILE: '文件无法读取 / file cannot be read',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorLocation {
  file?: string;
  line?: number;
  /** 1-based column number. */
  column?: number;
  columnName?: string;
}

export class LossInputError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** What is wrong, Chinese. */
    readonly zh: string,
    /** What is wrong, English. */
    readonly en: string,
    readonly where: ErrorLocation = {},
  ) {
    super(`${formatWhere(where)}[${code}] ${zh} / ${en}`);
    this.name = 'LossInputError';
  }

  withWhere(where: ErrorLocation): LossInputError {
    return new LossInputError(this.code, this.zh, this.en, { ...this.where, ...where });
  }
}

function formatWhere(w: ErrorLocation): string {
  if (w.file === undefined && w.line === undefined) return '';
  const parts = [w.file ?? '<input>'];
  if (w.line !== undefined) parts.push(String(w.line));
  if (w.column !== undefined) parts.push(String(w.column));
  const col = w.columnName ? ` (${w.columnName})` : '';
  return `${parts.join(':')}${col}: `;
}

export function inputError(code: ErrorCode, zh: string, en: string, where?: ErrorLocation): LossInputError {
  return new LossInputError(code, zh, en, where);
}

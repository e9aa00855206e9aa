/** The output columns of docs/loss-rules.md §10, in order. Pure data: the web client imports it too. */
export const RESULT_COLUMNS = [
  'investor_id',
  'eligible',
  'reason',
  'N',
  'C',
  'Ns',
  'Ps',
  'Nh',
  'B',
  'L',
  'r',
  'L_deducted',
  'commission',
  'stamp_duty',
  'interest',
  'total',
] as const;

export type ResultColumn = (typeof RESULT_COLUMNS)[number];

/** The figures of one investor's row (every column after the identity and the verdict). */
export const FIGURE_COLUMNS = RESULT_COLUMNS.slice(3);

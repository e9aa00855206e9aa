/** The windows of one segment (docs/loss-rules.md §3): pre | W1 = [implementation, disclosure) | W2 = [disclosure, base] | post. */
export const PRE = 0;
export const W1 = 1;
export const W2 = 2;
export const POST = 3;
export type Window = typeof PRE | typeof W1 | typeof W2 | typeof POST;
export const WINDOW_NAMES = ['pre', 'W1', 'W2', 'post'] as const;

export interface SegmentDays {
  impl: number;
  disc: number;
  base: number;
}

export function windowOf(day: number, s: SegmentDays): Window {
  if (day < s.impl) return PRE;
  if (day < s.disc) return W1;
  if (day <= s.base) return W2;
  return POST;
}

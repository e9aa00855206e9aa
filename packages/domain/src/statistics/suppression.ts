/**
 * Small-count suppression for public statistics: no published cell may be under the threshold, and no suppressed
 * cell may be recovered by subtracting the shown cells from a shown total (complementary suppression).
 */
export const PUBLIC_MIN_CELL = 10;

/**
 * One column of a table whose total is published: every value under `threshold` becomes null; if exactly one cell
 * was suppressed, the smallest shown cell is suppressed with it, so the total minus the others reveals nothing.
 */
export function suppressColumn(values: readonly number[], threshold = PUBLIC_MIN_CELL): (number | null)[] {
  const out: (number | null)[] = values.map((v) => (v < threshold ? null : v));
  const hidden = out.filter((v) => v === null).length;
  if (hidden === 1 && values.length > 1) {
    let smallest = -1;
    out.forEach((v, i) => {
      if (v !== null && (smallest < 0 || v < (out[smallest] as number))) smallest = i;
    });
    if (smallest >= 0) out[smallest] = null;
  }
  return out;
}

/** A published total: itself suppressed when under the threshold. */
export const suppressTotal = (value: number, threshold = PUBLIC_MIN_CELL): number | null =>
  value < threshold ? null : value;

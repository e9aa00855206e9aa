import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.ts';
import { FIGURE_KEYS, FIGURES, LISTABLE_FIGURES, rate } from '../src/statistics/figures.ts';
import { checkPeriod } from '../src/statistics/period.ts';
import { suppressColumn, suppressTotal } from '../src/statistics/suppression.ts';

describe('small-count suppression', () => {
  it('hides every cell under ten and shows ten', () => {
    expect(suppressColumn([0, 9, 10, 11, 9, 200])).toEqual([null, null, 10, 11, null, 200]);
  });

  it('hides the smallest shown cell too when only one was hidden, so the total cannot reveal it', () => {
    expect(suppressColumn([40, 3, 25, 12])).toEqual([40, null, 25, null]);
    expect(suppressColumn([15, 15, 9])).toEqual([null, 15, null]);
  });

  it('leaves a column of shown cells as it is, and a lone cell to the total’s own rule', () => {
    expect(suppressColumn([10, 12])).toEqual([10, 12]);
    expect(suppressColumn([4])).toEqual([null]);
    expect(suppressTotal(9)).toBeNull();
    expect(suppressTotal(10)).toBe(10);
  });
});

describe('statistics periods', () => {
  it('accepts a single day and a leap day', () => {
    expect(checkPeriod('2024-02-29', '2024-02-29')).toEqual({ from: '2024-02-29', to: '2024-02-29' });
  });

  it('refuses an empty period, a date that does not exist and more than ten years', () => {
    for (const [from, to] of [
      ['2024-03-02', '2024-03-01'],
      ['2023-02-29', '2023-03-01'],
      ['2024-1-1', '2024-02-01'],
      ['2010-01-01', '2024-12-31'],
    ] as const) {
      const error = (() => {
        try {
          checkPeriod(from, to);
        } catch (e) {
          return e;
        }
      })();
      expect(error, `${from}..${to}`).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('STATS_PERIOD_INVALID');
    }
  });
});

describe('figure catalogue', () => {
  it('defines every figure in both languages and lists only counts and amounts', () => {
    for (const f of FIGURE_KEYS) {
      expect(FIGURES[f].definition.zh.length, f).toBeGreaterThan(5);
      expect(FIGURES[f].definition.en.length, f).toBeGreaterThan(5);
    }
    for (const f of LISTABLE_FIGURES) expect(['count', 'fen']).toContain(FIGURES[f].unit);
    expect(FIGURE_KEYS.filter((f) => ['count', 'fen'].includes(FIGURES[f].unit))).toEqual([
      ...LISTABLE_FIGURES,
    ]);
  });

  it('gives no rate when nothing was decided, and rounds to four places', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(2, 3)).toBe(0.6667);
  });
});

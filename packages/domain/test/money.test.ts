import { describe, expect, it } from 'vitest';
import { fenToYuanString, formatFen, parseYuanToFen, sumFen } from '../src/money.ts';

describe('money', () => {
  it.each([
    [1234567, '¥12,345.67', '12345.67'],
    [0, '¥0.00', '0.00'],
    [5, '¥0.05', '0.05'],
    [100, '¥1.00', '1.00'],
    [865_400_000_000, '¥8,654,000,000.00', '8654000000.00'],
    [-1200, '-¥12.00', '-12.00'],
  ])('%i fen → %s', (fen, display, plain) => {
    expect(formatFen(fen)).toBe(display);
    expect(fenToYuanString(fen)).toBe(plain);
    expect(parseYuanToFen(display)).toBe(fen);
    expect(parseYuanToFen(plain)).toBe(fen);
  });

  it('parses exactly, without floating point', () => {
    expect(parseYuanToFen('0.1')).toBe(10);
    expect(parseYuanToFen('0.29')).toBe(29);
    expect(parseYuanToFen('1.15')).toBe(115);
    expect(parseYuanToFen('￥ 100')).toBe(10000);
    expect(parseYuanToFen('90071992547409.91')).toBe(9007199254740991);
  });

  it('rejects malformed amounts rather than rounding', () => {
    for (const text of ['1.234', '1,23.00', 'abc', '', '1.', '.5', '12,3456', '90071992547409.92']) {
      expect(() => parseYuanToFen(text), text).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    }
    expect(() => formatFen(1.5)).toThrow();
  });

  it('sums exactly and refuses unsafe totals', () => {
    expect(sumFen([10, 20, 1])).toBe(31);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow();
  });
});

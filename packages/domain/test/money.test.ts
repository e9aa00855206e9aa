import { describe, expect, it } from 'vitest';
import {
  fenToYuanString,
  formatFen,
  MAX_AMOUNT_FEN,
  parseYuanToFen,
  readTypedYuan,
  sumFen,
} from '../src/money.ts';

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

describe('amounts typed in a form', () => {
  it('reads what people type, exactly', () => {
    expect(readTypedYuan('12,345.67')).toBe(1234567);
    expect(readTypedYuan('¥ 100')).toBe(10000);
    expect(readTypedYuan('1，000')).toBe(100000);
    expect(readTypedYuan('0.5')).toBe(50);
    expect(readTypedYuan('12.')).toBe(1200);
    expect(readTypedYuan('0.29')).toBe(29);
    expect(readTypedYuan('99999999999.99')).toBe(MAX_AMOUNT_FEN);
  });

  it('answers null for what is not an amount, instead of rounding', () => {
    for (const text of ['', 'abc', '-1', '1.234', '.5', '100000000000.00', '1e3']) {
      expect(readTypedYuan(text), text).toBeNull();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { amountInChinese, formatFen } from '../src/money.ts';

describe('amountInChinese', () => {
  it.each([
    [0, '人民币零元整'],
    [1, '人民币壹分'],
    [10, '人民币壹角整'],
    [55, '人民币伍角伍分'],
    [100, '人民币壹元整'],
    [1000, '人民币壹拾元整'],
    [1005, '人民币壹拾元零伍分'],
    [10050, '人民币壹佰元伍角整'],
    [1_000_500, '人民币壹万零伍元整'],
    [1_234_567, '人民币壹万贰仟叁佰肆拾伍元陆角柒分'],
    [10_000_000, '人民币壹拾万元整'],
    [100_000_000, '人民币壹佰万元整'],
    [100_100_000, '人民币壹佰万零壹仟元整'],
    [1_000_000_100, '人民币壹仟万零壹元整'],
    [10_000_000_500, '人民币壹亿零伍元整'],
    [10_010_000_000, '人民币壹亿零壹拾万元整'],
    [100_000_000_099, '人民币壹拾亿元玖角玖分'],
    [12_000_300_004_050, '人民币壹仟贰佰亿零叁佰万零肆拾元伍角整'],
    [99_999_999_999_999n, '人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ])('%s fen → %s', (fen, expected) => {
    expect(amountInChinese(fen)).toBe(expected);
  });

  it('rejects fractional, negative and out-of-range amounts', () => {
    expect(() => amountInChinese(1.5)).toThrow(RangeError);
    expect(() => amountInChinese(-1)).toThrow(RangeError);
    expect(() => amountInChinese(10n ** 14n)).toThrow(RangeError);
  });
});

describe('the figures beside them on the agreement', () => {
  it('group thousands and keep two decimals', () => {
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(1_234_567)).toBe('¥12,345.67');
    expect(formatFen(100_000_000_099)).toBe('¥1,000,000,000.99');
  });
});

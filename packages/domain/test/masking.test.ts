import { describe, expect, it } from 'vitest';
import { maskBankAccount, maskIdNumber, maskName, maskPhone } from '../src/masking.ts';

describe('masking', () => {
  it('ID numbers keep first and last character', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1****************X');
    expect(maskIdNumber('AB')).toBe('**');
    expect(maskIdNumber('H1234567')).toBe('H******7');
  });

  it('phones show 3+4', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('021-12345678')).toBe('021****5678');
    expect(maskPhone('6234 5678')).toBe('****5678');
    expect(maskPhone('123')).toBe('***');
  });

  it('names keep the surname, including compound surnames', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳修文')).toBe('欧阳**');
    expect(maskName('欧阳修')).toBe('欧阳*');
    expect(maskName('欧阳')).toBe('欧*');
    expect(maskName('王')).toBe('*');
    expect(maskName('Alice')).toBe('A****');
    expect(maskName('')).toBe('');
  });

  it('bank accounts show the last four digits', () => {
    expect(maskBankAccount('6222 0212 3456 7890')).toBe('****7890');
    expect(maskBankAccount('1234')).toBe('****');
  });
});

import { describe, expect, it } from 'vitest';
import { newVerificationCode, normalizeVerificationCode } from '../../src/lib/verification-code.ts';

describe('verification codes', () => {
  it('are three groups of four from an alphabet without look-alikes', () => {
    for (let i = 0; i < 200; i++) {
      const code = newVerificationCode();
      expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{4}(-[34679ACDEFGHJKMNPQRTUVWXY]{4}){2}$/);
      expect(normalizeVerificationCode(code)).toBe(code);
    }
  });

  it('normalize case, spaces and dashes; reject anything else', () => {
    expect(normalizeVerificationCode('7kq4 mxta 93hc')).toBe('7KQ4-MXTA-93HC');
    expect(normalizeVerificationCode('7KQ4MXTA93HC')).toBe('7KQ4-MXTA-93HC');
    expect(normalizeVerificationCode('0KQ4-MXTA-93HC')).toBeNull(); // 0 is not in the alphabet
    expect(normalizeVerificationCode('7KQ4-MXTA')).toBeNull();
    expect(normalizeVerificationCode("'; drop table--")).toBeNull();
  });
});

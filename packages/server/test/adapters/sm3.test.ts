import { createHmac, getHashes } from 'node:crypto';
import { sm3 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { hmacSm3Hex, sm3Hex } from '../../src/adapters/crypto/sm3.ts';

describe('sm3Hex', () => {
  it('matches the GB/T 32905 example vectors', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3Hex('abcd'.repeat(16))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('hashes text as UTF-8 and agrees with sm-crypto-v2', () => {
    const text = '调解协议书';
    expect(sm3Hex(text)).toBe(sm3Hex(new TextEncoder().encode(text)));
    expect(sm3Hex(text)).toBe(sm3(text));
  });
});

describe('hmacSm3Hex', () => {
  it('agrees between Node (OpenSSL) and sm-crypto-v2', () => {
    expect(getHashes()).toContain('sm3');
    const key = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
    const expected = createHmac('sm3', key).update('110101199003077777').digest('hex');
    expect(hmacSm3Hex(key, '110101199003077777')).toBe(expected);
    expect(sm3('110101199003077777', { key, mode: 'hmac' })).toBe(expected);
  });
});

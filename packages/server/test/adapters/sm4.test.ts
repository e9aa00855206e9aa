import { sm4 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import {
  blindIndex,
  createKeyring,
  type DataKey,
  decryptField,
  encryptField,
  FieldCryptoError,
} from '../../src/adapters/crypto/sm4.ts';

const hex = (value: string) => Buffer.from(value, 'hex');
const keyA: DataKey = { id: 'a1', key: hex('0123456789abcdeffedcba9876543210') };
const keyB: DataKey = { id: 'b2', key: hex('00112233445566778899aabbccddeeff') };

describe('SM4-GCM (sm-crypto-v2)', () => {
  it('matches the RFC 8998 appendix A.1 test vector', () => {
    const plaintext = ['AA', 'BB', 'CC', 'DD', 'EE', 'FF', 'EE', 'AA'].map((b) => b.repeat(8)).join('');
    const { output, tag } = sm4.encrypt(hex(plaintext), hex('0123456789ABCDEFFEDCBA9876543210'), {
      mode: 'gcm',
      iv: hex('00001234567800000000ABCD'),
      associatedData: hex('FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2'),
      output: 'array',
      outputTag: true,
    });
    expect(Buffer.from(output).toString('hex').toUpperCase()).toBe(
      '17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735' +
        'D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D',
    );
    expect(
      Buffer.from(tag ?? [])
        .toString('hex')
        .toUpperCase(),
    ).toBe('83DE3541E4C2B58177E065A9BF7B62EC');
  });
});

describe('encryptField / decryptField', () => {
  const keyring = createKeyring(keyA);

  it('round-trips Chinese text in the compact v1 format with a fresh IV each time', () => {
    const blob = encryptField(keyA, '张三 110101199003077777');
    expect(blob).toMatch(/^v1:a1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/=]+$/);
    expect(decryptField(keyring, blob)).toBe('张三 110101199003077777');
    expect(encryptField(keyA, 'same')).not.toBe(encryptField(keyA, 'same'));
    expect(decryptField(keyring, encryptField(keyA, ''))).toBe('');
  });

  it('decrypts with the key named in the value after rotation', () => {
    const old = encryptField(keyA, 'old value');
    const rotated = createKeyring(keyB, [keyA]);
    const fresh = encryptField(rotated.current, 'new value');
    expect(fresh.startsWith('v1:b2:')).toBe(true);
    expect(decryptField(rotated, old)).toBe('old value');
    expect(decryptField(rotated, fresh)).toBe('new value');
  });

  const codeOf = (action: () => unknown) => {
    try {
      action();
    } catch (error) {
      return error instanceof FieldCryptoError ? error.code : 'OTHER';
    }
    return 'NONE';
  };

  it('rejects tampering, a wrong context, an unknown key and malformed values with stable codes', () => {
    const blob = encryptField(keyA, '13800138000', 'party.phone');
    const parts = blob.split(':');
    const sealed = Buffer.from(parts[3] ?? '', 'base64');
    sealed[0] = (sealed[0] ?? 0) ^ 1;
    const tampered = [...parts.slice(0, 3), sealed.toString('base64')].join(':');

    expect(decryptField(keyring, blob, 'party.phone')).toBe('13800138000');
    expect(codeOf(() => decryptField(keyring, tampered, 'party.phone'))).toBe('FIELD_AUTH_FAILED');
    expect(codeOf(() => decryptField(keyring, blob, 'party.id_number'))).toBe('FIELD_AUTH_FAILED');
    expect(codeOf(() => decryptField(keyring, blob.replace('v1:a1:', 'v1:a9:')))).toBe('FIELD_UNKNOWN_KEY');
    expect(codeOf(() => decryptField(createKeyring({ id: 'a1', key: keyB.key }), blob, 'party.phone'))).toBe(
      'FIELD_AUTH_FAILED',
    );
    expect(codeOf(() => decryptField(keyring, 'plain text'))).toBe('FIELD_MALFORMED');
    expect(codeOf(() => decryptField(keyring, 'v1:a1:AAAA:AAAA'))).toBe('FIELD_MALFORMED');
  });

  it('refuses bad keys and duplicate key ids', () => {
    expect(() => encryptField({ id: 'a:1', key: keyA.key }, 'x')).toThrow(/key id/);
    expect(() => encryptField({ id: 'short', key: new Uint8Array(8) }, 'x')).toThrow(/16 bytes/);
    expect(() => createKeyring(keyA, [{ id: 'a1', key: keyB.key }])).toThrow(/duplicate/);
  });
});

describe('blindIndex', () => {
  const indexKey = hex('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');

  it('is deterministic per key and value, and differs across keys and values', () => {
    const index = blindIndex(indexKey, '110101199003077777');
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(blindIndex(indexKey, '110101199003077777')).toBe(index);
    expect(blindIndex(indexKey, '110101199003077778')).not.toBe(index);
    expect(blindIndex(hex('ff'.repeat(32)), '110101199003077777')).not.toBe(index);
    expect(() => blindIndex(new Uint8Array(8), 'x')).toThrow();
  });
});

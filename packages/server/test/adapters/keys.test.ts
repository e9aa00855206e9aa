import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataKeyFromHex, loadPlatformKeys } from '../../src/adapters/crypto/keys.ts';
import { generateSigner, verifySignature } from '../../src/adapters/crypto/signer.ts';
import { blindIndex, decryptField, encryptField } from '../../src/adapters/crypto/sm4.ts';

const root = mkdtempSync(join(tmpdir(), 'sutiao-keys-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('loadPlatformKeys', () => {
  it('creates SM2 and SM4 keys once with mode 0600 and reuses them on restart', async () => {
    const dir = join(root, 'court', 'keys');
    const first = await loadPlatformKeys({ dir });
    expect(first.signer.algorithm).toBe('SM2');
    for (const name of ['signing-key.pem', 'signing-key.pub.pem', 'sm4-data-keys.txt', 'blind-index.key']) {
      expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
    }
    expect(readFileSync(join(dir, 'signing-key.pub.pem'), 'utf8')).toBe(first.signer.publicKeyPem);

    const second = await loadPlatformKeys({ dir });
    expect(second.signer.publicKeyPem).toBe(first.signer.publicKeyPem);
    expect(second.dataKeys.current.id).toBe(first.dataKeys.current.id);
    expect(decryptField(second.dataKeys, encryptField(first.dataKeys.current, '张三'))).toBe('张三');
    expect(blindIndex(second.blindIndexKey, 'x')).toBe(blindIndex(first.blindIndexKey, 'x'));
    const signature = first.signer.sign('data');
    expect(verifySignature('SM2', second.signer.publicKeyPem, 'data', signature)).toBe(true);
  });

  it('creates an Ed25519 key when configured as the fallback', async () => {
    const keys = await loadPlatformKeys({ dir: join(root, 'ed'), algorithm: 'Ed25519' });
    expect(keys.signer.algorithm).toBe('Ed25519');
  });

  it('takes keys from environment variables, with rotation, writing nothing', async () => {
    const signer = generateSigner('SM2');
    const oldHex = '00112233445566778899aabbccddeeff';
    const oldBlob = encryptField(dataKeyFromHex(oldHex), '旧值');
    const env = {
      SUTIAO_SIGNING_KEY_PEM: signer.exportPrivateKeyPem(),
      SUTIAO_SM4_KEY: `0123456789abcdeffedcba9876543210,${oldHex}`,
      SUTIAO_BLIND_INDEX_KEY: 'ab'.repeat(32),
    };
    const dir = join(root, 'env-only');
    const keys = await loadPlatformKeys({ dir, env });
    expect(keys.signer.publicKeyPem).toBe(signer.publicKeyPem);
    expect(keys.dataKeys.current.id).toBe(dataKeyFromHex('0123456789abcdeffedcba9876543210').id);
    expect(decryptField(keys.dataKeys, oldBlob)).toBe('旧值');
    expect(() => statSync(dir)).toThrow();
    await expect(loadPlatformKeys({ dir, env: { ...env, SUTIAO_SM4_KEY: 'zz' } })).rejects.toThrow(/32 hex/);
  });
});

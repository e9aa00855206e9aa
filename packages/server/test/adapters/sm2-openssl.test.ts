import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sm2 } from 'sm-crypto-v2';
import { afterAll, describe, expect, it } from 'vitest';
import { sm2PrivateKeyFromPem } from '../../src/adapters/crypto/sm2-pem.ts';
import {
  SM2_DEFAULT_USER_ID,
  generateSm2Signer,
  sm2SignerFromPem,
  sm2Verify,
} from '../../src/adapters/crypto/sm2-signer.ts';

// The independent implementation: OpenSSL 3's GB/T 32918 SM2 with SM3, default distinguishing ID.
const dir = mkdtempSync(join(tmpdir(), 'sutiao-sm2-'));
const path = (name: string) => join(dir, name);
const distid = `distid:${SM2_DEFAULT_USER_ID}`;
const openssl = (...args: string[]) =>
  execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
/** Runs `openssl dgst -verify`, returning its verdict (exit 0 and "Verified OK") without throwing. */
const opensslVerifies = (publicKey: string, signature: string) => {
  const args = ['dgst', '-sm3', '-verify', publicKey, '-sigopt', distid, '-signature', signature, 'data'];
  const result = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('Verified OK');
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SM2 interoperates with the openssl command line', () => {
  const data = '调解协议书 SM3 digest 66c7f0f4…';
  writeFileSync(path('data'), data);

  it('openssl verifies our signature with our SPKI public key', () => {
    const signer = generateSm2Signer();
    writeFileSync(path('ours.pub.pem'), signer.publicKeyPem);
    writeFileSync(path('ours.sig'), Buffer.from(signer.sign(data), 'hex'));
    expect(opensslVerifies('ours.pub.pem', 'ours.sig')).toBe(true);

    writeFileSync(path('other.sig'), Buffer.from(generateSm2Signer().sign(data), 'hex'));
    expect(opensslVerifies('ours.pub.pem', 'other.sig')).toBe(false);
  });

  it('openssl reads our PKCS#8 private key and its signatures verify with ours', () => {
    const signer = generateSm2Signer();
    writeFileSync(path('ours.key.pem'), signer.exportPrivateKeyPem());
    expect(openssl('pkey', '-in', 'ours.key.pem', '-pubout')).toBe(signer.publicKeyPem);
    openssl('dgst', '-sm3', '-sign', 'ours.key.pem', '-sigopt', distid, '-out', 'theirs.sig', 'data');
    const signature = readFileSync(path('theirs.sig')).toString('hex');
    expect(sm2Verify(signer.publicKeyPem, data, signature)).toBe(true);
  });

  it('we verify signatures from a key openssl generated, in PKCS#8 and SEC1 form', () => {
    openssl('genpkey', '-algorithm', 'SM2', '-out', 'gen.key.pem');
    openssl('ec', '-in', 'gen.key.pem', '-out', 'gen.sec1.pem');
    openssl('pkey', '-in', 'gen.key.pem', '-pubout', '-out', 'gen.pub.pem');
    openssl('dgst', '-sm3', '-sign', 'gen.key.pem', '-sigopt', distid, '-out', 'gen.sig', 'data');
    const publicKeyPem = readFileSync(path('gen.pub.pem'), 'utf8');
    const signature = readFileSync(path('gen.sig')).toString('hex');

    expect(sm2Verify(publicKeyPem, data, signature)).toBe(true);
    expect(sm2Verify(publicKeyPem, `${data}!`, signature)).toBe(false);
    const sec1 = readFileSync(path('gen.sec1.pem'), 'utf8');
    expect(sec1).toMatch(/BEGIN (EC|SM2) PRIVATE KEY/);
    for (const pem of [readFileSync(path('gen.key.pem'), 'utf8'), sec1]) {
      expect(sm2SignerFromPem(pem).publicKeyPem).toBe(publicKeyPem);
    }
  });

  it('openssl rejects a signature made without the GB/T 32918 Z pre-hash', () => {
    // Guards against the Node trap: plain ECDSA over SM3 on the SM2 curve is not SM2.
    const signer = generateSm2Signer();
    const privateKeyHex = sm2PrivateKeyFromPem(signer.exportPrivateKeyPem());
    const plain = sm2.doSignature(data, privateKeyHex, { der: true, hash: false });
    writeFileSync(path('plain.pub.pem'), signer.publicKeyPem);
    writeFileSync(path('plain.sig'), Buffer.from(plain, 'hex'));
    expect(opensslVerifies('plain.pub.pem', 'plain.sig')).toBe(false);
  });
});

import { ed25519SignerFromPem, generateEd25519Signer } from '../../src/adapters/crypto/ed25519-signer.ts';
import { generateSm2Signer, sm2SignerFromPem } from '../../src/adapters/crypto/sm2-signer.ts';
import { describeSignerContract } from './signer.contract.ts';

describeSignerContract({ algorithm: 'SM2', generate: generateSm2Signer, fromPem: sm2SignerFromPem });
describeSignerContract({
  algorithm: 'Ed25519',
  generate: generateEd25519Signer,
  fromPem: ed25519SignerFromPem,
});

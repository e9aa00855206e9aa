import { generateEd25519Signer } from '../../src/adapters/crypto/ed25519-signer.ts';
import { generateSm2Signer } from '../../src/adapters/crypto/sm2-signer.ts';
import { describeSignedEnvelopeContract } from './signed-envelope.contract.ts';

describeSignedEnvelopeContract({ algorithm: 'SM2', generate: generateSm2Signer });
describeSignedEnvelopeContract({ algorithm: 'Ed25519', generate: generateEd25519Signer });

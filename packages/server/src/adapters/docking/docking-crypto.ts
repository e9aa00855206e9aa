import type { DockingCrypto } from '@sutiao/domain/docking/protocol.ts';
import { verifySignature } from '../crypto/signer.ts';
import { sm3Hex } from '../crypto/sm3.ts';

/** The protocol core's cryptography: SM3 digests, SM2 or Ed25519 signatures from the crypto adapters. */
export const dockingCrypto: DockingCrypto = {
  digest: (text) => sm3Hex(text),
  verify: (algorithm, publicKeyPem, text, signatureHex) =>
    verifySignature(algorithm, publicKeyPem, text, signatureHex),
};

import { DerTag, encodeDer, parseDer } from './der.ts';
import type { SignatureAlgorithm } from './signer.ts';

/** Re-encodes an SM2 (r, s) SEQUENCE with minimal lengths; null when it is not two positive minimal INTEGERs. */
function reencodedSm2(signatureHex: string): string | null {
  try {
    const node = parseDer(Buffer.from(signatureHex, 'hex'));
    const ints = node.children;
    if (node.tag !== DerTag.sequence || ints.length !== 2) return null;
    for (const { tag, content } of ints) {
      const [first, second] = content;
      if (tag !== DerTag.integer || first === undefined || first >= 0x80) return null;
      if (first === 0 && (second === undefined || second < 0x80)) return null; // a needless leading zero
    }
    return Buffer.from(
      encodeDer(DerTag.sequence, ...ints.map((i) => encodeDer(DerTag.integer, i.content))),
    ).toString('hex');
  } catch {
    return null;
  }
}

/**
 * Whether a signature is written the one way its signer writes it: lowercase hex and, for SM2, strict DER. The SM2
 * library reads DER loosely (it skips the SEQUENCE and second INTEGER headers), so without this a signature with
 * changed header bytes would still verify, and one signature would have several spellings.
 */
export function isCanonicalSignature(algorithm: SignatureAlgorithm, signatureHex: string): boolean {
  if (!/^(?:[0-9a-f]{2})+$/.test(signatureHex)) return false;
  return algorithm !== 'SM2' || reencodedSm2(signatureHex) === signatureHex;
}

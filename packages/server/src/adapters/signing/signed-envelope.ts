import type { SignatureAlgorithm, Signer } from '../crypto/signer.ts';
import { sm3Hex } from '../crypto/sm3.ts';
import { canonicalJson } from '../../lib/canonical-json.ts';
import {
  CURRENT_FORMAT_VERSION,
  type EnvelopeKind,
  formatTag,
  kindFormat,
  type SignedPart,
} from './envelope-format.ts';

export type { EnvelopeKind } from './envelope-format.ts';

/**
 * One signed document, ready to store: the canonical text that was signed, its SM3 digest, the signature and who
 * made it. Agreements, seals and loss reports today; judicial-confirmation rulings and docking messages next.
 */
export interface SignedEnvelope {
  kind: EnvelopeKind;
  formatVersion: number;
  /** Canonical JSON (keys sorted at every depth) of the content with its `format` tag and verification code. */
  canonicalText: string;
  /** SM3 of the canonical text's UTF-8 bytes, 64 lowercase hex characters. */
  digestSm3: string;
  /** Lowercase hex, as the Signer writes it. */
  signature: string;
  keyId: string;
  algorithm: SignatureAlgorithm;
  /** The public code printed on the document, signed inside the text; null for kinds without one. */
  verificationCode: string | null;
}

const RESERVED = ['format', 'verificationCode'] as const;

/** The exact text an envelope of this kind signs for `content` (for verifiers that rebuild it from stored rows). */
export function envelopeText(
  kind: EnvelopeKind,
  content: Record<string, unknown>,
  verificationCode: string | null = null,
  formatVersion = CURRENT_FORMAT_VERSION,
): string {
  for (const key of RESERVED) if (key in content) throw new Error(`envelope content must not set "${key}"`);
  if (kindFormat(kind, formatVersion).verificationCode !== (verificationCode !== null)) {
    throw new Error(
      `a ${kind} envelope ${verificationCode === null ? 'needs' : 'takes no'} verification code`,
    );
  }
  const code = verificationCode === null ? {} : { verificationCode };
  return canonicalJson({ ...content, ...code, format: formatTag(kind, formatVersion) });
}

/** SM3 of the text an envelope of this kind signs for `content`. */
export const envelopeDigest = (
  kind: EnvelopeKind,
  content: Record<string, unknown>,
  verificationCode: string | null = null,
): string => sm3Hex(envelopeText(kind, content, verificationCode));

/** The bytes a signature covers, per the kind's format. */
export const signedBytes = (signs: SignedPart, canonicalText: string, digestSm3: string): string =>
  signs === 'digest' ? digestSm3 : canonicalText;

/** Signs `content` as an envelope of `kind` in the current format version. */
export function sealEnvelope(
  kind: EnvelopeKind,
  content: Record<string, unknown>,
  signer: Signer,
  options: { verificationCode?: string } = {},
): SignedEnvelope {
  const verificationCode = options.verificationCode ?? null;
  const canonicalText = envelopeText(kind, content, verificationCode);
  const digestSm3 = sm3Hex(canonicalText);
  const { signs } = kindFormat(kind, CURRENT_FORMAT_VERSION);
  return {
    kind,
    formatVersion: CURRENT_FORMAT_VERSION,
    canonicalText,
    digestSm3,
    signature: signer.sign(signedBytes(signs, canonicalText, digestSm3)),
    keyId: signer.keyId,
    algorithm: signer.algorithm,
    verificationCode,
  };
}

/** The columns a signed document's row keeps of its envelope, so anyone can check it later (verify page, audit). */
export const storedEnvelopeColumns = (envelope: SignedEnvelope, publicKeyPem: string) => ({
  content: envelope.canonicalText,
  digest_sm3: envelope.digestSm3,
  algorithm: envelope.algorithm,
  key_id: envelope.keyId,
  public_key_pem: publicKeyPem,
  signature: envelope.signature,
});

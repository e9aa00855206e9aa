import { verifySignature } from '../crypto/signer.ts';
import { sm3Hex } from '../crypto/sm3.ts';
import { canonicalJson } from '../../lib/canonical-json.ts';
import { type KindFormat, readFormatTag } from './envelope-format.ts';
import { type SignedEnvelope, signedBytes } from './signed-envelope.ts';
import type { TrustedKey } from './trusted-key.ts';

/** Why an envelope is not valid, in the order the checks run; the first failing one is reported. */
export type EnvelopeInvalidReason =
  /** The text is not a JSON object with a format tag. */
  | 'malformed'
  /** The format tag names a version this verifier does not know: refused rather than guessed at. */
  | 'unknown-format-version'
  /** The signed tag names another kind than the one being verified. */
  | 'kind-mismatch'
  /** The text is not in canonical form, so it is not what was hashed. */
  | 'not-canonical'
  | 'digest-mismatch'
  /** The code inside the signed text is not the code the envelope is looked up by. */
  | 'verification-code-mismatch'
  /** No trusted key has the envelope's key id. */
  | 'untrusted-key'
  | 'algorithm-mismatch'
  | 'bad-signature';

export type EnvelopeToVerify = Omit<SignedEnvelope, 'formatVersion'>;

export type EnvelopeVerification =
  | { valid: true; reason: null; contentIntact: true; signatureValid: true; formatVersion: number }
  | {
      valid: false;
      reason: EnvelopeInvalidReason;
      /** The text is well formed, of a known format, and matches its digest and verification code. */
      contentIntact: boolean;
      /** A trusted key signed what the envelope says was signed (checked even when the content is not intact). */
      signatureValid: boolean;
    };

type Outcome = { reason: EnvelopeInvalidReason | null; format?: KindFormat; version?: number };

function checkContent(envelope: EnvelopeToVerify): Outcome {
  let signed: unknown;
  try {
    signed = JSON.parse(envelope.canonicalText);
  } catch {
    return { reason: 'malformed' };
  }
  if (signed === null || typeof signed !== 'object' || Array.isArray(signed)) return { reason: 'malformed' };
  const fields = signed as Record<string, unknown>;
  const tag = readFormatTag(fields.format);
  if (typeof tag === 'string') return { reason: tag };
  if (tag.kind !== envelope.kind || !tag.format) return { reason: 'kind-mismatch' };
  const known = { format: tag.format, version: tag.version };
  if (canonicalJson(signed) !== envelope.canonicalText) return { ...known, reason: 'not-canonical' };
  if (sm3Hex(envelope.canonicalText) !== envelope.digestSm3) return { ...known, reason: 'digest-mismatch' };
  const code = tag.format.verificationCode ? fields.verificationCode : null;
  const codeMatches =
    (code === null ? !('verificationCode' in fields) : typeof code === 'string') &&
    code === envelope.verificationCode;
  return { ...known, reason: codeMatches ? null : 'verification-code-mismatch' };
}

function checkSignature(
  envelope: EnvelopeToVerify,
  format: KindFormat,
  trustedKeys: readonly TrustedKey[],
): EnvelopeInvalidReason | null {
  const key = trustedKeys.find((k) => k.keyId === envelope.keyId);
  if (!key) return 'untrusted-key';
  if (key.algorithm !== envelope.algorithm) return 'algorithm-mismatch';
  const bytes = signedBytes(format.signs, envelope.canonicalText, envelope.digestSm3);
  return verifySignature(key.algorithm, key.publicKeyPem, bytes, envelope.signature) ? null : 'bad-signature';
}

/** Checks an envelope against the keys the caller trusts; never throws on bad input. */
export function verifyEnvelope(
  envelope: EnvelopeToVerify,
  trustedKeys: readonly TrustedKey[],
): EnvelopeVerification {
  const content = checkContent(envelope);
  // Without a known format nobody knows what the signature was meant to cover.
  const signatureReason = content.format
    ? checkSignature(envelope, content.format, trustedKeys)
    : 'malformed';
  if (content.reason === null && signatureReason === null && content.version !== undefined) {
    return {
      valid: true,
      reason: null,
      contentIntact: true,
      signatureValid: true,
      formatVersion: content.version,
    };
  }
  return {
    valid: false,
    reason: content.reason ?? signatureReason ?? 'malformed',
    contentIntact: content.reason === null,
    signatureValid: signatureReason === null,
  };
}

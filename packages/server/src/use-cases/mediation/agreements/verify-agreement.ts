import { appError } from '@sutiao/domain/errors.ts';
import { maskName } from '@sutiao/domain/masking.ts';
import type { Deps } from '../../../deps.ts';
import {
  agreementDigest,
  SIGNING_PARTIES,
  type SignatureRow,
  verifyAgreementSeal,
  verifyPartySignature,
} from './agreement-content.ts';
import { loadSignatures } from './load-agreement.ts';
import { registeredSigningKeys } from './user-signing-key.ts';
import { keysValidAt, platformKeyRegistry } from '../../../adapters/signing/key-registry.ts';
import { normalizeVerificationCode } from '../../../lib/verification-code.ts';

interface VerificationResult {
  valid: boolean;
  caseNumber: string;
  organizationName: string;
  effectiveAt: string;
  digestSm3: string;
  signatures: { role: SignatureRow['party']; name: string; signedAt: string; valid: boolean }[];
  seal: { valid: boolean; algorithm: string; keyId: string; sealedAt: string };
}

/**
 * Public check of a sealed agreement by its verification code: recompute the digest from the stored content and
 * verify every party signature (against the key the platform registered for the signer) and the organization's seal
 * (against the platform's pinned keys valid when it was sealed; public keys stored in the rows are never trusted).
 * Unknown and malformed codes answer the same 404, so the endpoint says nothing about which codes exist.
 */
export async function verifyAgreement(deps: Deps, rawCode: string): Promise<VerificationResult> {
  const code = normalizeVerificationCode(rawCode);
  const agreement = code
    ? await deps.db
        .selectFrom('agreements')
        .selectAll()
        .where('verification_code', '=', code)
        .where('status', '=', 'effective')
        .executeTakeFirst()
    : undefined;
  if (!code || !agreement?.sealed_at || !agreement.seal_signature) {
    throw appError('VERIFY_NOT_FOUND');
  }
  const signatures = await loadSignatures(deps.db, agreement.id);
  const keysOf = await registeredSigningKeys(deps.db, signatures);
  const digestSm3 = agreementDigest(agreement);
  const signatureResults = signatures.map((s) => ({
    role: s.party,
    // People are masked; the respondent is a firm, whose name is public.
    name:
      s.party === 'respondent'
        ? agreement.respondent_name
        : maskName(s.party === 'investor' ? agreement.investor_name : agreement.mediator_name),
    signedAt: new Date(s.signed_at).toISOString(),
    valid: verifyPartySignature(agreement, s, keysOf(s)).valid,
  }));
  const sealedAt = new Date(agreement.sealed_at);
  const sealKeys = keysValidAt(platformKeyRegistry(deps.keys), sealedAt);
  const sealValid = verifyAgreementSeal(agreement, { digestSm3, sealedAt, signatures }, sealKeys).valid;
  const complete = SIGNING_PARTIES.every((party) => signatures.some((s) => s.party === party));
  return {
    valid:
      digestSm3 === agreement.digest_sm3 && complete && sealValid && signatureResults.every((s) => s.valid),
    caseNumber: agreement.case_number,
    organizationName: agreement.organization_name,
    effectiveAt: sealedAt.toISOString(),
    digestSm3: agreement.digest_sm3,
    signatures: signatureResults,
    seal: {
      valid: sealValid,
      algorithm: agreement.seal_algorithm ?? 'SM2',
      keyId: agreement.seal_key_id ?? '',
      sealedAt: sealedAt.toISOString(),
    },
  };
}

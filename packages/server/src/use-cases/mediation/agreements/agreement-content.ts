import type { Selectable } from 'kysely';
import type { AgreementSignaturesTable, AgreementsTable } from '../../../adapters/db/schema.ts';
import { envelopeDigest, envelopeText } from '../../../adapters/signing/signed-envelope.ts';
import type { TrustedKey } from '../../../adapters/signing/trusted-key.ts';
import { type EnvelopeVerification, verifyEnvelope } from '../../../adapters/signing/verify-envelope.ts';

export type AgreementRow = Selectable<AgreementsTable>;
export type SignatureRow = Selectable<AgreementSignaturesTable>;

export const SIGNING_PARTIES = ['investor', 'respondent', 'mediator'] as const;

type ContentFields = Pick<
  AgreementRow,
  | 'id'
  | 'case_id'
  | 'version'
  | 'case_number'
  | 'organization_name'
  | 'investor_name'
  | 'respondent_name'
  | 'mediator_name'
  | 'amount_fen'
  | 'payment_terms'
  | 'due_date'
  | 'text'
>;

/**
 * What the parties sign (as an `agreement` envelope): everything that gives the agreement its meaning, from the
 * stored row alone, so a verifier can recompute it years later.
 */
export function agreementContent(a: ContentFields) {
  return {
    agreementId: a.id,
    caseId: a.case_id,
    caseNumber: a.case_number,
    version: a.version,
    organization: a.organization_name,
    parties: { investor: a.investor_name, respondent: a.respondent_name, mediator: a.mediator_name },
    terms: { amountFen: Number(a.amount_fen), paymentTerms: a.payment_terms, dueDate: a.due_date },
    text: a.text,
  };
}

/** SM3 of the agreement envelope's canonical text, as the row stands now; each party signs this digest. */
export const agreementDigest = (a: ContentFields): string => envelopeDigest('agreement', agreementContent(a));

/** Parties in a fixed order, so the seal covers the same bytes however the rows were read. */
export function orderedSignatures<T extends Pick<SignatureRow, 'party'>>(signatures: readonly T[]): T[] {
  return [...signatures].sort((a, b) => SIGNING_PARTIES.indexOf(a.party) - SIGNING_PARTIES.indexOf(b.party));
}

/**
 * Checks one party's stored signature against the agreement as stored now and the digest they signed, with the keys
 * the caller trusts for that party (never the public key copied into the signature row).
 */
export function verifyPartySignature(
  agreement: AgreementRow,
  s: SignatureRow,
  trustedKeys: readonly TrustedKey[],
): EnvelopeVerification {
  return verifyEnvelope(
    {
      kind: 'agreement',
      canonicalText: envelopeText('agreement', agreementContent(agreement)),
      digestSm3: agreement.digest_sm3,
      signature: s.signature,
      keyId: s.key_id,
      algorithm: s.algorithm,
      verificationCode: null,
    },
    trustedKeys,
  );
}

interface SealFields {
  digestSm3: string;
  sealedAt: Date;
  signatures: readonly Pick<SignatureRow, 'party' | 'key_id' | 'signature'>[];
}

/** The organization's seal (an `agreement-seal` envelope, with the verification code) covers these. */
export function sealContent(fields: SealFields) {
  return {
    digestSm3: fields.digestSm3,
    sealedAt: fields.sealedAt.toISOString(),
    signatures: orderedSignatures(fields.signatures).map((s) => ({
      party: s.party,
      keyId: s.key_id,
      signature: s.signature,
    })),
  };
}

/**
 * Checks the organization's seal against the platform keys the caller trusts (its pinned registry, for the time
 * of sealing; the key stored in the row is not consulted). The row keeps the seal's signature but not its digest, so
 * the text is rebuilt from `fields` (with the digest of the agreement as stored now: changed content breaks the seal
 * too).
 */
export function verifyAgreementSeal(
  agreement: AgreementRow,
  fields: SealFields,
  trustedKeys: readonly TrustedKey[],
): EnvelopeVerification {
  const code = agreement.verification_code;
  const algorithm = agreement.seal_algorithm ?? 'SM2';
  if (!code || !agreement.seal_signature) throw new Error('agreement is not sealed');
  const content = sealContent(fields);
  return verifyEnvelope(
    {
      kind: 'agreement-seal',
      canonicalText: envelopeText('agreement-seal', content, code),
      digestSm3: envelopeDigest('agreement-seal', content, code),
      signature: agreement.seal_signature,
      keyId: agreement.seal_key_id ?? '',
      algorithm,
      verificationCode: code,
    },
    trustedKeys,
  );
}

import type { Selectable } from 'kysely';
import { sm3Hex } from '../../../adapters/crypto/sm3.ts';
import type { AgreementSignaturesTable, AgreementsTable } from '../../../adapters/db/schema.ts';
import { canonicalJson } from '../../../lib/canonical-json.ts';

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
 * What the parties sign: everything that gives the agreement its meaning, from the stored row alone, so a verifier
 * can recompute it years later. Versioned by `format` so the layout can change without breaking old agreements.
 */
export function agreementContent(a: ContentFields) {
  return {
    format: 'sutiao.agreement.v1',
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

/** SM3 of the canonical JSON of the content; each party signs this hex string (its UTF-8 bytes). */
export function agreementDigest(a: ContentFields): string {
  return sm3Hex(canonicalJson(agreementContent(a)));
}

/** Parties in a fixed order, so the seal covers the same bytes however the rows were read. */
export function orderedSignatures<T extends Pick<SignatureRow, 'party'>>(signatures: readonly T[]): T[] {
  return [...signatures].sort((a, b) => SIGNING_PARTIES.indexOf(a.party) - SIGNING_PARTIES.indexOf(b.party));
}

export interface SealFields {
  digestSm3: string;
  verificationCode: string;
  sealedAt: Date;
  signatures: readonly Pick<SignatureRow, 'party' | 'key_id' | 'signature'>[];
}

/** The organization's seal covers the digest, the three signatures, the verification code and the time. */
export function sealPayload(fields: SealFields): string {
  return canonicalJson({
    format: 'sutiao.agreement-seal.v1',
    digestSm3: fields.digestSm3,
    verificationCode: fields.verificationCode,
    sealedAt: fields.sealedAt.toISOString(),
    signatures: orderedSignatures(fields.signatures).map((s) => ({
      party: s.party,
      keyId: s.key_id,
      signature: s.signature,
    })),
  });
}

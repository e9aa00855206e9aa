import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import { SIGNING_PARTIES } from './agreement-content.ts';
import { loadCurrentAgreement, loadSignatures } from './load-agreement.ts';

const iso = (value: Date | string) => new Date(value).toISOString();

/** The `agreement` block of CaseDetail (docs/journey-api.md): every party listed, unsigned ones with signedAt null. */
export interface AgreementView {
  id: string;
  version: number;
  status: 'draft' | 'signing' | 'effective';
  amountFen: number;
  paymentTerms: string;
  dueDate: string;
  text: string;
  digestSm3: string;
  signatures: { role: (typeof SIGNING_PARTIES)[number]; name: string | null; signedAt: string | null }[];
  sealedAt: string | null;
  verificationCode: string | null;
  paidFen: number;
  payments: { amountFen: number; paidAt: string; proofUploadId: string | null; recordedAt: string }[];
}

export async function presentAgreement(db: Kysely<DB>, caseId: string): Promise<AgreementView | null> {
  const agreement = await loadCurrentAgreement(db, caseId);
  if (!agreement || agreement.status === 'superseded') return null;
  const signatures = await loadSignatures(db, agreement.id);
  const payments = await db
    .selectFrom('case_payments')
    .select(['amount_fen', 'paid_at', 'proof_upload_id', 'recorded_at'])
    .where('agreement_id', '=', agreement.id)
    .orderBy('recorded_at')
    .execute();
  return {
    id: agreement.id,
    version: agreement.version,
    status: agreement.status,
    amountFen: Number(agreement.amount_fen),
    paymentTerms: agreement.payment_terms,
    dueDate: agreement.due_date,
    text: agreement.text,
    digestSm3: agreement.digest_sm3,
    signatures: SIGNING_PARTIES.map((role) => {
      const signature = signatures.find((s) => s.party === role);
      return {
        role,
        name: signature?.signer_name ?? null,
        signedAt: signature ? iso(signature.signed_at) : null,
      };
    }),
    sealedAt: agreement.sealed_at ? iso(agreement.sealed_at) : null,
    verificationCode: agreement.verification_code,
    paidFen: payments.reduce((sum, p) => sum + Number(p.amount_fen), 0),
    payments: payments.map((p) => ({
      amountFen: Number(p.amount_fen),
      paidAt: p.paid_at,
      proofUploadId: p.proof_upload_id,
      recordedAt: iso(p.recorded_at),
    })),
  };
}

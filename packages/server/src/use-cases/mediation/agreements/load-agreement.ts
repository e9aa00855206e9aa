import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { DirectCaseFacts } from '@sutiao/domain/lifecycles/direct-application-context.ts';
import { type AgreementRow, orderedSignatures, type SignatureRow } from './agreement-content.ts';

type AgreementFacts = Pick<
  DirectCaseFacts,
  'signatures' | 'agreementAmountFen' | 'agreementDueDate' | 'paidFen'
>;

/** The case's live agreement (draft, signing or effective); superseded drafts are history. */
export async function loadCurrentAgreement(
  db: Kysely<DB>,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<AgreementRow | undefined> {
  let query = db
    .selectFrom('agreements')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', '<>', 'superseded');
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function loadSignatures(db: Kysely<DB>, agreementId: string): Promise<SignatureRow[]> {
  const rows = await db
    .selectFrom('agreement_signatures')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .execute();
  return orderedSignatures(rows);
}

export async function paidFenOf(db: Kysely<DB>, agreementId: string): Promise<number> {
  const row = await db
    .selectFrom('case_payments')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('paid'))
    .where('agreement_id', '=', agreementId)
    .executeTakeFirst();
  return Number(row?.paid ?? 0);
}

/** The agreement facts of a case with no agreement (a new application). */
export function noAgreementFacts(): AgreementFacts {
  return {
    signatures: { investor: false, respondent: false, mediator: false },
    agreementAmountFen: null,
    agreementDueDate: null,
    paidFen: 0,
  };
}

/** What lifecycle A's guards need to know about the agreement: who signed, the amount, the due date, what is paid. */
export async function loadAgreementFacts(db: Kysely<DB>, caseId: string): Promise<AgreementFacts> {
  const agreement = await loadCurrentAgreement(db, caseId);
  if (!agreement) return noAgreementFacts();
  const [signatures, paidFen] = await Promise.all([
    loadSignatures(db, agreement.id),
    paidFenOf(db, agreement.id),
  ]);
  const signed = (party: SignatureRow['party']) => signatures.some((s) => s.party === party);
  return {
    signatures: {
      investor: signed('investor'),
      respondent: signed('respondent'),
      mediator: signed('mediator'),
    },
    agreementAmountFen: Number(agreement.amount_fen),
    agreementDueDate: agreement.due_date,
    paidFen,
  };
}

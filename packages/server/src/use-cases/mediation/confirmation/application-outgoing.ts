import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sm3Hex } from '../../../adapters/crypto/sm3.ts';
import type { Side } from '../../../adapters/db/confirmation-schema.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import { getIntact } from '../../../adapters/storage/get-intact.ts';
import type { Deps } from '../../../deps.ts';
import type { Attachment, DockingBody } from '@sutiao/domain/docking/message-bodies.ts';
import type { DockingMessageType } from '@sutiao/domain/docking/message-types.ts';
import type { OutgoingDockingMessage } from '../../common/transitions/outgoing-messages.ts';
import type { LoadedCase } from '../cases/load-case.ts';
import type { ApplicationRow } from './application-binding.ts';
import { applicantsOf } from './confirmation-parties.ts';

/** A message of the application to its court, under the application's id (its case on the link). */
export const toCourt = <T extends DockingMessageType>(
  row: ApplicationRow,
  type: T,
  body: DockingBody<T>,
): OutgoingDockingMessage => ({ type, peerId: row.court_peer_id, caseRef: row.id, body });

/** The agreement's sealed PDF as an attachment the court fetches by hash (both hashes recomputed from the store). */
async function agreementAttachment(deps: Deps, sha256: string, caseNumber: string): Promise<Attachment> {
  const bytes = await getIntact(deps.storage, sha256);
  if (!bytes || createHash('sha256').update(bytes).digest('hex') !== sha256) {
    throw new Error(`the agreement PDF ${sha256} is missing from the store`);
  }
  return {
    name: `调解协议书-${caseNumber}.pdf`,
    mime: 'application/pdf',
    size: bytes.length,
    sha256,
    sm3: sm3Hex(bytes),
    role: 'agreement',
  };
}

/**
 * The joint application as the court receives it once the second party has confirmed: the court chosen and why,
 * both applicants with their statements, the agreement (terms, effective date, verification code, sealed PDF).
 */
export async function applicationMessage(
  deps: Deps,
  trx: Kysely<DB>,
  c: LoadedCase,
  row: ApplicationRow,
  jointAt: Date,
): Promise<OutgoingDockingMessage> {
  const agreement = await trx
    .selectFrom('agreements')
    .select(['amount_fen', 'text', 'verification_code', 'pdf_sha256', 'case_number'])
    .where('id', '=', row.agreement_id)
    .executeTakeFirstOrThrow();
  return toCourt(row, 'confirmation.apply', {
    court: { id: row.court_id, name: row.court_name, code: row.court_code },
    routingBasis: row.routing_basis,
    routingReason: row.routing_reason,
    organization: { id: c.organization_id, name: c.organization_name },
    mediationCaseNumber: c.case_number ?? agreement.case_number,
    referral: c.court_case_ref ? { caseRef: c.court_case_ref, caseNumber: c.court_case_number } : null,
    applicants: await applicantsOf(deps, trx, c, row),
    jointAt: jointAt.toISOString(),
    agreement: {
      amountFen: Number(agreement.amount_fen),
      terms: agreement.text,
      effectiveDate: row.effective_date,
      verificationCode: agreement.verification_code ?? '',
      attachment: await agreementAttachment(deps, agreement.pdf_sha256 ?? '', agreement.case_number),
    },
    attachments: [],
  });
}

export const withdrawalMessage = (row: ApplicationRow, by: Side, reason: string, at: Date) =>
  toCourt(row, 'confirmation.withdrawal', { at: at.toISOString(), by, reason });

export const supplementMessage = (row: ApplicationRow, by: Side, answer: string, at: Date) =>
  toCourt(row, 'confirmation.supplement', { at: at.toISOString(), by, answer, attachments: [] });

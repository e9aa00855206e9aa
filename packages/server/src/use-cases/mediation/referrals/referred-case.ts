import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import { dockingRejection, type InboundMessage } from '../../docking/inbound-handler.ts';

/** The mediation side's case for a court's message: by the sending peer and the court's case reference. */
export async function referredCaseOf(
  trx: Kysely<DB>,
  message: InboundMessage,
): Promise<{ id: string; status: string; version: number; case_number: string | null }> {
  const row = await trx
    .selectFrom('cases')
    .select(['id', 'status', 'version', 'case_number'])
    .where('court_peer_id', '=', message.senderId)
    .where('court_case_ref', '=', message.caseRef ?? '')
    .executeTakeFirst();
  if (!row) throw dockingRejection('UNKNOWN_CASE', message.caseRef ?? '(none)');
  return row;
}

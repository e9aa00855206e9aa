import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import { notifyUsers } from '../../common/notices/notify-user.ts';

/**
 * A person named in a court's referral registers: the cases naming their ID number (by its blind index) are theirs
 * from now on — the plaintiff becomes the case's applicant — and each such case is in their notices. Runs in the
 * registration's transaction. Returns the cases matched.
 */
export async function matchCourtParties(
  trx: Kysely<DB>,
  userId: string,
  idNumberIndex: string,
): Promise<string[]> {
  const named = await trx
    .updateTable('case_court_parties')
    .set({ user_id: userId })
    .where('id_number_index', '=', idNumberIndex)
    .where('kind', '=', 'person')
    .where('user_id', 'is', null)
    .returning(['case_id', 'role'])
    .execute();
  const asPlaintiff = [...new Set(named.filter((p) => p.role === 'plaintiff').map((p) => p.case_id))];
  if (asPlaintiff.length === 0) return [];
  const cases = await trx
    .updateTable('cases')
    .set({ applicant_user_id: userId })
    .where('id', 'in', asPlaintiff)
    .where('applicant_user_id', 'is', null)
    .returning(['id', 'case_number', 'court_name'])
    .execute();
  await notifyUsers(
    trx,
    cases.map((c) => ({
      userId,
      kind: 'court-referral',
      title: `${c.court_name ?? '法院'}委派/委托调解的案件 ${c.case_number ?? ''} 已关联到您的账户`,
      caseId: c.id,
    })),
  );
  return cases.map((c) => c.id);
}

import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import { decryptField } from '../../../adapters/crypto/sm4.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { DIRECT_PARTIES } from '@sutiao/domain/lifecycles/direct-application-context.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';
import { loadReadableCase } from './case-access.ts';
import { loadCaseFacts } from './case-facts.ts';

export interface RevealedApplicant {
  name: string;
  idNumber: string | null;
  phone: string | null;
}

/**
 * The applicant's full name, ID number and phone, for the staff who must contact them (the handling organization's
 * administrators and the assigned mediator, with `pii.reveal`). Every reveal is audited in the same transaction.
 */
export async function revealApplicant(
  deps: Deps,
  ctx: SignedInContext,
  input: { caseId: string },
): Promise<RevealedApplicant> {
  const { actor } = ctx;
  return deps.db.transaction().execute(async (trx) => {
    const c = await loadReadableCase(trx, actor, input.caseId);
    const facts = await loadCaseFacts(trx, c);
    const staff =
      DIRECT_PARTIES.org_admin({ actor, case: facts }) || DIRECT_PARTIES.mediator({ actor, case: facts });
    if (!isAuthorized(actor, 'pii.reveal') || !staff) throw appError('FORBIDDEN');
    const user = await trx
      .selectFrom('users')
      .select(['id_number_enc', 'phone_enc'])
      .where('id', '=', c.applicant_user_id)
      .executeTakeFirstOrThrow();
    const revealed: RevealedApplicant = {
      name: c.applicant_name,
      idNumber: user.id_number_enc
        ? decryptField(deps.keys.dataKeys, user.id_number_enc, 'users.id_number')
        : null,
      phone: user.phone_enc ? decryptField(deps.keys.dataKeys, user.phone_enc, 'users.phone') : null,
    };
    await appendAudit(
      trx,
      {
        requestId: ctx.requestId,
        actorUserId: actor.userId,
        actorRole: ctx.actorRole ?? null,
        action: 'pii.reveal',
        targetType: 'case',
        targetId: c.id,
        outcome: 'success',
        details: {
          subjectUserId: c.applicant_user_id,
          fields: Object.entries(revealed)
            .filter(([, value]) => value !== null)
            .map(([field]) => field),
        },
      },
      deps.now(),
    );
    return revealed;
  });
}

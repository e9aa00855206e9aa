import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { DIRECT_STATE_LABELS, type DirectState } from '@sutiao/domain/lifecycles/direct-application-codes.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';
import { newId } from '../../../lib/ids.ts';
import { notifyUsers } from '../../common/notices/notify-user.ts';
import { requireText } from './application-input.ts';
import { loadReadableCase } from './case-access.ts';
import { isCaseParty, isClosedStatus } from './case-offers.ts';
import { loadCaseFacts } from './case-facts.ts';
import { type CaseMessage, presentMessage } from './present-case.ts';
import { displayNameOf } from '../../common/auth/display-name.ts';

/** A message on the case board, visible to everyone who can see the case; only parties to the case may post. */
export async function postMessage(
  deps: Deps,
  ctx: SignedInContext,
  input: { caseId: string; body: string },
): Promise<CaseMessage> {
  const body = requireText('body', input.body, INPUT_LIMITS.message);
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const c = await loadReadableCase(trx, ctx.actor, input.caseId);
    const facts = await loadCaseFacts(trx, c);
    if (!isAuthorized(ctx.actor, 'case.message') || !isCaseParty(ctx.actor, facts))
      throw appError('FORBIDDEN');
    if (isClosedStatus(c.status)) {
      const label = DIRECT_STATE_LABELS[c.status as DirectState];
      throw appError('CASE_CLOSED', { state: label ?? c.status });
    }
    const row = {
      id: newId(),
      case_id: c.id,
      author_user_id: ctx.actor.userId,
      author_role: ctx.actorRole ?? ctx.actor.roles[0] ?? '',
      author_name: await displayNameOf(trx, ctx.actor.userId),
      body,
      created_at: now,
    };
    await trx.insertInto('case_messages').values(row).execute();
    // The other side and the mediator hear about it; staff queues are not flooded with every message.
    const recipients = [c.applicant_user_id, c.agent_user_id, c.mediator_user_id].filter(
      (id): id is string => !!id && id !== ctx.actor.userId,
    );
    await notifyUsers(
      trx,
      [...new Set(recipients)].map((userId) => ({
        userId,
        kind: 'case.message',
        title: `${c.case_number ?? '调解申请'}：新留言`,
        body: body.slice(0, 200),
        caseId: c.id,
      })),
    );
    return presentMessage(row);
  });
}

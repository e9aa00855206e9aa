import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';
import { newId } from '../../../lib/ids.ts';
import { requireText } from './application-input.ts';
import { loadReadableCase } from './case-access.ts';
import { presentRecordEntry, type RecordEntry } from './present-case.ts';
import { displayNameOf } from '../../common/auth/display-name.ts';

/** States in which a mediator keeps the record (笔录): while mediating and until the agreement is settled. */
const RECORDING_STATES = new Set(['mediating', 'agreement_pending']);

/** The assigned mediator adds an entry to the mediation record; entries are append-only and audited. */
export async function addRecordEntry(
  deps: Deps,
  ctx: SignedInContext,
  input: { caseId: string; body: string },
): Promise<RecordEntry> {
  const body = requireText('body', input.body, INPUT_LIMITS.message);
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const c = await loadReadableCase(trx, ctx.actor, input.caseId);
    if (!isAuthorized(ctx.actor, 'case.record') || c.mediator_user_id !== ctx.actor.userId) {
      throw appError('FORBIDDEN');
    }
    if (!RECORDING_STATES.has(c.status)) {
      throw appError('CASE_ILLEGAL_EVENT', {
        state: c.status,
        event: { zh: '制作调解笔录', en: 'add to the mediation record' },
      });
    }
    const row = {
      id: newId(),
      case_id: c.id,
      author_user_id: ctx.actor.userId,
      author_name: await displayNameOf(trx, ctx.actor.userId),
      body,
      created_at: now,
    };
    await trx.insertInto('case_record').values(row).execute();
    await appendAudit(
      trx,
      {
        requestId: ctx.requestId,
        actorUserId: ctx.actor.userId,
        actorRole: ctx.actorRole ?? null,
        action: 'case.record',
        targetType: 'case',
        targetId: c.id,
        outcome: 'success',
        details: { entryId: row.id, length: body.length },
      },
      now,
    );
    return presentRecordEntry(row);
  });
}

import { appError } from '@sutiao/domain/errors.ts';
import { envelopeDigest, envelopeText } from '../../../../adapters/signing/signed-envelope.ts';
import type { Deps, SignedInContext } from '../../../../deps.ts';
import { auditUserAct } from '../../../common/audit/audit-user-act.ts';
import { notifyUsers } from '../../../common/notices/notify-user.ts';
import { loadRecordContext } from './load-record.ts';
import { presentRecord, type SessionRecordView } from './present-record.ts';
import { recordContent } from './record-content.ts';

/**
 * After the session ended, the mediator fixes the record: its text and the session's facts become the content every
 * participant signs (its SM3 digest), and each participant is asked to review and sign it.
 */
export async function finalizeSessionRecord(
  deps: Deps,
  ctx: SignedInContext,
  input: { caseId: string; sessionId: string; revision: number },
): Promise<SessionRecordView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const {
      session,
      case: c,
      seats,
      record,
    } = await loadRecordContext(trx, ctx.actor, input.caseId, input.sessionId, { forUpdate: true });
    if (session.mediator_user_id !== ctx.actor.userId) throw appError('FORBIDDEN');
    if (session.state !== 'ended' || record?.status !== 'draft' || record.body.trim() === '')
      throw appError('SESSION_INVALID', {
        reason: {
          zh: '会话结束且笔录有内容后方可定稿',
          en: 'a record is fixed once the session ended and it has text',
        },
      });
    if (record.revision !== input.revision) throw appError('CASE_STATE_CONFLICT');
    const content = recordContent({ session, caseNumber: c.case_number, seats, body: record.body });
    const digestSm3 = envelopeDigest('session-record', content);
    const fixed = await trx
      .updateTable('session_records')
      .set({
        status: 'signing',
        content: envelopeText('session-record', content),
        digest_sm3: digestSm3,
        finalized_at: now,
      })
      .where('session_id', '=', session.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await notifyUsers(
      trx,
      seats
        .filter((s) => s.userId !== ctx.actor.userId)
        .map((s) => ({
          userId: s.userId,
          kind: 'session.record.sign',
          title: `${c.case_number ?? '调解申请'}：请确认并签署调解笔录`,
          body: '在线视频调解的笔录已定稿，请在案件的“在线视频调解”中阅读并签名确认。',
          caseId: c.id,
        })),
    );
    await auditUserAct(trx, ctx, now, {
      action: 'session.record.finalize',
      targetType: 'mediation_session',
      targetId: session.id,
      details: { digestSm3 },
    });
    return presentRecord(trx, deps.publicUrl, { session, seats, record: fixed, readerId: ctx.actor.userId });
  });
}

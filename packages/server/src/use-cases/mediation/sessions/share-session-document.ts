import type { SharedDocument } from '@sutiao/domain/sessions/signaling-messages.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { auditUserAct } from '../../common/audit/audit-user-act.ts';
import { recordSessionChat, type SessionChatLine } from './record-session-chat.ts';

/**
 * Shows one of the case's documents (its evidence) to the speaker's room: kept with the case's messages as a line
 * naming the file, said in that room, and audited. Anything but this case's evidence is refused (null). The people
 * in the room open it from the case, as they may anyway; sharing shows it, it grants nothing.
 */
export async function shareSessionDocument(
  deps: Deps,
  ctx: SignedInContext,
  input: {
    caseId: string;
    sessionId: string;
    name: string;
    role: string;
    room: string;
    audience: string[] | null;
    uploadId: string;
  },
): Promise<(SessionChatLine & { document: SharedDocument }) | null> {
  return deps.db.transaction().execute(async (trx) => {
    const document = await trx
      .selectFrom('case_evidence')
      .innerJoin('uploads', 'uploads.id', 'case_evidence.upload_id')
      .select(['uploads.id', 'uploads.name', 'uploads.mime', 'uploads.size'])
      .where('case_evidence.case_id', '=', input.caseId)
      .where('case_evidence.upload_id', '=', input.uploadId)
      .executeTakeFirst();
    if (!document) return null;
    const line = await recordSessionChat(
      deps,
      ctx,
      { ...input, body: `分享案件材料：${document.name}` },
      trx,
    );
    await auditUserAct(trx, ctx, deps.now(), {
      action: 'session.share',
      targetType: 'mediation_session',
      targetId: input.sessionId,
      details: { caseId: input.caseId, uploadId: document.id, room: input.room },
    });
    return {
      ...line,
      document: { id: document.id, name: document.name, mime: document.mime, size: Number(document.size) },
    };
  });
}

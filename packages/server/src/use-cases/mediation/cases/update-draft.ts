import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';
import { newId } from '../../../lib/ids.ts';
import { draftText, requireConsents, requireOwnUploads, requirePositiveFen } from './application-input.ts';
import { presentCaseDetail } from './get-case.ts';
import { loadApplicantParties } from './load-applicant-parties.ts';
import { caseNotFound, loadCase } from './load-case.ts';
import type { CaseDetail } from './present-case.ts';

interface UpdateDraftInput {
  caseId: string;
  expectedVersion: number;
  respondentOrgId: string;
  claimAmountFen: number;
  facts: string;
  requests: string;
  evidenceIds: string[];
  consents: { kind: string; version: string }[];
}

/**
 * The applicant side reopens a saved draft and saves it again: every field of the application is replaced (evidence
 * links and consents included), under compare-and-set on the version. Submitting is the `submit` event after it.
 */
export async function updateDraft(
  deps: Deps,
  ctx: SignedInContext,
  input: UpdateDraftInput,
): Promise<CaseDetail> {
  const { actor } = ctx;
  if (!isAuthorized(actor, 'case.apply')) throw appError('FORBIDDEN');
  const facts = draftText('facts', input.facts, INPUT_LIMITS.facts);
  const requests = draftText('requests', input.requests, INPUT_LIMITS.requests);
  const claimAmountFen = requirePositiveFen('claimAmountFen', input.claimAmountFen);
  const consentKinds = requireConsents(input.consents, false);
  const now = deps.now();
  const updated = await deps.db.transaction().execute(async (trx) => {
    const before = await loadCase(trx, input.caseId, { forUpdate: true });
    const own =
      before && (before.applicant_user_id === actor.userId || before.agent_user_id === actor.userId);
    if (!before || !own) throw caseNotFound();
    if (before.status !== 'draft')
      throw appError('CASE_ILLEGAL_EVENT', {
        state: before.status,
        event: { zh: '修改草稿', en: 'edit draft' },
      });
    if (before.version !== input.expectedVersion) throw appError('CASE_STATE_CONFLICT');
    // The respondent must still be a registered firm.
    await loadApplicantParties(trx, actor.userId, input.respondentOrgId, before.organization_id);
    const evidenceIds = await requireOwnUploads(trx, actor.userId, input.evidenceIds);
    await trx
      .updateTable('cases')
      .set({
        respondent_org_id: input.respondentOrgId,
        claim_amount_fen: claimAmountFen,
        facts,
        requests,
        version: before.version + 1,
        updated_at: now,
      })
      .where('id', '=', before.id)
      .where('version', '=', before.version)
      .execute();
    await trx.deleteFrom('case_evidence').where('case_id', '=', before.id).execute();
    if (evidenceIds.length > 0) {
      await trx
        .insertInto('case_evidence')
        .values(
          evidenceIds.map((uploadId) => ({
            case_id: before.id,
            upload_id: uploadId,
            added_by_user_id: actor.userId,
            added_at: now,
          })),
        )
        .execute();
    }
    await trx.deleteFrom('consents').where('case_id', '=', before.id).execute();
    if (consentKinds.length > 0) {
      await trx
        .insertInto('consents')
        .values(
          input.consents.map((consent) => ({
            id: newId(),
            user_id: actor.userId,
            case_id: before.id,
            kind: consent.kind as (typeof consentKinds)[number],
            version: consent.version,
            given_at: now,
          })),
        )
        .execute();
    }
    await appendAudit(
      trx,
      {
        requestId: ctx.requestId,
        actorUserId: actor.userId,
        actorRole: ctx.actorRole ?? null,
        action: 'case.draft.update',
        targetType: 'case',
        targetId: before.id,
        outcome: 'success',
        details: { respondentOrgId: input.respondentOrgId, claimAmountFen, evidence: evidenceIds.length },
      },
      now,
    );
    return before.id;
  });
  const after = await loadCase(deps.db, updated);
  if (!after) throw appError('INTERNAL');
  return presentCaseDetail(deps.db, actor, after);
}

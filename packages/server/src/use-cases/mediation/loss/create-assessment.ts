import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { formatCaseNumber, parseCaseNumber } from '@sutiao/domain/case-number.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { newId } from '../../../lib/ids.ts';
import { requirePermission } from '../../common/require-permission.ts';
import { getAssessment } from './get-assessment.ts';
import type { AssessmentDetail } from './present-assessment.ts';

interface CreateAssessmentInput {
  caseNumber: string;
  courtOrgId: string;
  /** YYYY-MM-DD, the date of the court's entrustment letter. */
  entrustedOn: string;
  /** LOSS-SPEC §1 parameters; may be incomplete while the assessment is a draft. */
  params?: Record<string, unknown>;
}

/** Records a court's entrustment (损失核定委托) as a draft assessment. */
export async function createAssessment(
  deps: Deps,
  ctx: SignedInContext,
  input: CreateAssessmentInput,
): Promise<AssessmentDetail> {
  requirePermission(ctx, 'loss.assess');
  const parsed = parseCaseNumber(input.caseNumber);
  if (parsed?.kind !== 'court')
    throw appError('VALIDATION_FAILED', { reason: `not a court case number: ${input.caseNumber}` });
  const id = newId();
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const court = await trx
      .selectFrom('organizations')
      .select(['id', 'name'])
      .where('id', '=', input.courtOrgId)
      .where('kind', '=', 'court')
      .executeTakeFirst();
    if (!court) throw appError('NOT_FOUND', { entity: { zh: '法院', en: 'Court' } });
    await trx
      .insertInto('loss_assessments')
      .values({
        id,
        case_number: formatCaseNumber(parsed),
        court_org_id: court.id,
        court_name: court.name,
        entrusted_on: input.entrustedOn,
        organization_id: ctx.actor.organizationId,
        status: 'draft',
        params: JSON.stringify(input.params ?? {}),
        created_by_user_id: ctx.actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(
      trx,
      {
        requestId: ctx.requestId,
        actorUserId: ctx.actor.userId,
        actorRole: ctx.actorRole ?? null,
        action: 'loss.assessment.create',
        targetType: 'loss_assessment',
        targetId: id,
        outcome: 'success',
        details: { caseNumber: formatCaseNumber(parsed), courtOrgId: court.id },
      },
      now,
    );
  });
  return getAssessment(deps, ctx, { id });
}

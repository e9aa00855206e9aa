import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import type { CourtCaseDetail } from '../present-court-case.ts';
import type { CourtEventInput } from '../run-court-event.ts';
import { runConfirmationEvent } from './run-confirmation-event.ts';

/** An accepted application goes to a judge of the same court (承办法官), who reviews it and rules. */
export function assignJudge(
  deps: Deps,
  ctx: SignedInContext,
  input: CourtEventInput & { judgeId?: string | null },
): Promise<CourtCaseDetail> {
  return runConfirmationEvent(deps, ctx, 'court.workbench', input, async (trx, row) => {
    const judge = input.judgeId
      ? await trx
          .selectFrom('users')
          .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
          .select(['users.id', 'users.display_name'])
          .where('users.id', '=', input.judgeId)
          .where('users.organization_id', '=', row.court_id)
          .where('user_roles.role', '=', 'judge')
          .where('users.disabled', '=', false)
          .executeTakeFirst()
      : undefined;
    if (input.judgeId && !judge) {
      throw appError('VALIDATION_FAILED', {
        reason: { zh: '所选法官不是本院法官', en: 'the judge chosen is not of this court' },
      });
    }
    return {
      event: 'assign-judge',
      input: { judgeId: judge?.id ?? null },
      note: judge?.display_name ?? null,
      changes: () => ({ judge_user_id: judge?.id ?? null, judge_name: judge?.display_name ?? null }),
    };
  });
}

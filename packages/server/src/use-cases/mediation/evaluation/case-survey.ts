import { appError } from '@sutiao/domain/errors.ts';
import {
  checkSurveyAnswers,
  SURVEY_QUESTION_KEYS,
  SURVEY_QUESTIONS,
  SURVEY_STATES,
  surveyMean,
} from '@sutiao/domain/evaluation/survey.ts';
import { choosingPartyOf } from '@sutiao/domain/lifecycles/direct-application-context.ts';
import { auditUserAct } from '../../common/audit/audit-user-act.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { requirePermission } from '../../common/require-permission.ts';
import { loadReadableCase } from '../cases/case-access.ts';
import { loadCaseFacts } from '../cases/case-facts.ts';
import type { LoadedCase } from '../cases/load-case.ts';

export interface CaseSurveyView {
  /** Whether the reader, as a party, may answer now. */
  open: boolean;
  side: 'investor' | 'respondent' | null;
  submitted: boolean;
  questions: { key: string; zh: string; en: string }[];
}

const notOpen = (zh: string, en: string) => appError('SURVEY_NOT_OPEN', { reason: { zh, en } });

async function sideOf(deps: Deps, ctx: SignedInContext, c: LoadedCase) {
  return choosingPartyOf({ actor: ctx.actor, case: await loadCaseFacts(deps.db, c) });
}

const mediationEnded = (c: LoadedCase) =>
  (SURVEY_STATES as readonly string[]).includes(c.status) && c.mediator_user_id !== null;

/** The survey as the case page shows it: open to each party once their mediation has ended, once per side. */
export async function caseSurvey(deps: Deps, ctx: SignedInContext, caseId: string): Promise<CaseSurveyView> {
  const c = await loadReadableCase(deps.db, ctx.actor, caseId);
  const side = await sideOf(deps, ctx, c);
  const submitted = side
    ? !!(await deps.db
        .selectFrom('case_surveys')
        .select('case_id')
        .where('case_id', '=', c.id)
        .where('side', '=', side)
        .executeTakeFirst())
    : false;
  return surveyView(side, side !== null && mediationEnded(c) && !submitted, submitted);
}

const surveyView = (side: CaseSurveyView['side'], open: boolean, submitted: boolean): CaseSurveyView => ({
  open,
  side,
  submitted,
  questions: SURVEY_QUESTION_KEYS.map((key) => ({ key, ...SURVEY_QUESTIONS[key] })),
});

/**
 * A party (the investor or their agent; the respondent firm) rates the mediation after it ended: five 1–5 answers
 * and an optional comment, once per side. Kept with the case's mediator and organization for their scorecards; only
 * averages over several responses are ever reported.
 */
export async function submitSurvey(
  deps: Deps,
  ctx: SignedInContext,
  input: { caseId: string; answers: Record<string, number>; comment?: string | undefined },
): Promise<CaseSurveyView> {
  requirePermission(ctx, 'survey.answer');
  const answers = checkSurveyAnswers(input.answers);
  const c = await loadReadableCase(deps.db, ctx.actor, input.caseId);
  const side = await sideOf(deps, ctx, c);
  if (!side) throw notOpen('只有案件当事人可以填写问卷。', 'Only a party to the case can answer the survey.');
  if (!mediationEnded(c))
    throw notOpen('调解结束后才能填写问卷。', 'The survey opens once the mediation has ended.');
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('case_surveys')
      .values({
        case_id: c.id,
        side,
        user_id: ctx.actor.userId,
        mediator_user_id: c.mediator_user_id,
        organization_id: c.organization_id,
        answers: JSON.stringify(answers),
        mean_x100: Math.round(surveyMean(answers) * 100),
        comment: input.comment?.trim() ?? '',
        submitted_at: now,
      })
      .onConflict((oc) => oc.columns(['case_id', 'side']).doNothing())
      .returning('case_id')
      .executeTakeFirst();
    if (!inserted)
      throw notOpen('本方已填写过该案件的问卷。', 'Your side has already answered the survey for this case.');
    // The audit trail records that a response was given, not what it said.
    await auditUserAct(trx, ctx, now, {
      action: 'survey.submit',
      targetType: 'case',
      targetId: c.id,
      details: { side },
    });
  });
  return surveyView(side, false, true);
}

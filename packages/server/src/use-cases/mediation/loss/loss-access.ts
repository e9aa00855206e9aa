import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { LossAssessmentsTable } from '../../../adapters/db/loss-schema.ts';
import type { SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';

export type AssessmentRow = Selectable<LossAssessmentsTable>;

const assessmentNotFound = () =>
  appError('NOT_FOUND', { entity: { zh: '损失核定委托', en: 'Loss assessment' } });

/** Analysts run assessments; organization administrators may read every one of them. */
export function requireLossReader(ctx: SignedInContext): void {
  if (!isAuthorized(ctx.actor, 'loss.assess') && !isAuthorized(ctx.actor, 'loss.read.all'))
    throw appError('FORBIDDEN');
}

/** Loads one assessment; `forUpdate` holds its row so concurrent changes queue behind this transaction. */
export async function loadAssessment(
  db: Kysely<DB>,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<AssessmentRow> {
  let query = db.selectFrom('loss_assessments').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw assessmentNotFound();
  return row;
}

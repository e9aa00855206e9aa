import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { formatHours } from '@sutiao/domain/training/hours.ts';
import { mediatorStanding } from '../../common/training/training-standings.ts';
import { invalid } from './application-input.ts';

/**
 * The mediator must be an active mediator of the handling organization or one of its workstations, and not
 * suspended for missing last year's training hours after the grace period (a flagged one stays assignable).
 */
export async function requireMediatorOf(
  db: Kysely<DB>,
  organizationId: string,
  mediatorId: string,
  now: Date,
): Promise<void> {
  const found = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select('users.id')
    .where('users.id', '=', mediatorId)
    .where('users.disabled', '=', false)
    .where('user_roles.role', '=', 'mediator')
    .where((eb) =>
      eb.or([
        eb('organizations.id', '=', organizationId),
        eb('organizations.parent_id', '=', organizationId),
      ]),
    )
    .executeTakeFirst();
  if (!found) {
    throw invalid(
      '所选调解员不属于受理调解组织',
      'the mediator does not belong to the handling organization',
    );
  }
  const standing = await mediatorStanding(db, mediatorId, now);
  if (standing && !standing.assignable)
    throw appError('TRAINING_HOURS_SHORT', {
      year: String(standing.previous.year),
      missing: formatHours(standing.previous.missingX10),
    });
}

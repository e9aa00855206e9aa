import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { TRAINEE_ROLES } from '@sutiao/domain/training/course-rules.ts';
import { checkRequirement } from '@sutiao/domain/training/hour-requirements.ts';
import { hoursToX10, x10ToHours } from '@sutiao/domain/training/hours.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';
import type { Role } from '@sutiao/domain/roles.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { requirePermission } from '../require-permission.ts';
import { auditUserAct } from '../audit/audit-user-act.ts';

export interface RequirementView {
  role: string;
  year: number;
  hours: number;
  graceDays: number;
  setAt: string;
}

/** Every requirement ever set on this platform, by role and year: last year's stays as it was. */
export async function listRequirements(
  deps: Deps,
  ctx: SignedInContext,
): Promise<{ items: RequirementView[] }> {
  const readers = ['system.configure', 'training.organize', 'stats.read', 'training.attend'] as const;
  if (!readers.some((p) => isAuthorized(ctx.actor, p))) throw appError('FORBIDDEN');
  const rows = await deps.db
    .selectFrom('training_requirements')
    .selectAll()
    .where('role', 'in', [...TRAINEE_ROLES[deps.platform]])
    .orderBy('role')
    .orderBy('year', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      role: r.role,
      year: r.year,
      hours: x10ToHours(r.hours_x10),
      graceDays: r.grace_days,
      setAt: new Date(r.set_at).toISOString(),
    })),
  };
}

/** The system administrator sets a role's annual hours and grace period for this year or the next. */
export async function setRequirement(
  deps: Deps,
  ctx: SignedInContext,
  input: { role: string; year: number; hours: number; graceDays: number },
): Promise<{ items: RequirementView[] }> {
  requirePermission(ctx, 'system.configure');
  if (!TRAINEE_ROLES[deps.platform].includes(input.role as Role))
    throw appError('TRAINING_REQUIREMENT_INVALID', {
      reason: {
        zh: `本平台只为 ${TRAINEE_ROLES[deps.platform].join('、')} 设定学时`,
        en: `this platform sets hours for ${TRAINEE_ROLES[deps.platform].join(', ')} only`,
      },
    });
  const now = deps.now();
  checkRequirement(input, Number(todayInShanghai(now).slice(0, 4)));
  const values = {
    hours_x10: hoursToX10(input.hours),
    grace_days: input.graceDays,
    set_by: ctx.actor.userId,
    set_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('training_requirements')
      .values({ role: input.role, year: input.year, ...values })
      .onConflict((oc) => oc.columns(['role', 'year']).doUpdateSet(values))
      .execute();
    await auditUserAct(trx, ctx, now, {
      action: 'training.requirement.set',
      targetType: 'training_requirement',
      targetId: `${input.role}:${input.year}`,
      details: { hoursX10: values.hours_x10, graceDays: input.graceDays },
    });
  });
  return listRequirements(deps, ctx);
}

import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { LEVELS_OF_PLATFORM, type ScorecardLevel } from '@sutiao/domain/evaluation/indicators.ts';
import { checkWeights } from '@sutiao/domain/evaluation/weights.ts';
import { auditUserAct } from '../audit/audit-user-act.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';
import { requirePermission } from '../require-permission.ts';
import { type ScorecardVersion, scorecardVersions } from './scorecard-version.ts';

/** The versions of a level's weights, for those who read scorecards or configure them. */
export async function listScorecardVersions(
  deps: Deps,
  ctx: SignedInContext,
  level: ScorecardLevel,
): Promise<{ items: ScorecardVersion[] }> {
  if (!isAuthorized(ctx.actor, 'evaluation.read') && !isAuthorized(ctx.actor, 'system.configure'))
    throw appError('FORBIDDEN');
  requireLevelOf(deps, level);
  return { items: await scorecardVersions(deps.db, level) };
}

/**
 * The system administrator adds a version of a level's weights (whole percentages adding up to 100) taking effect
 * from this year or a later one. Versions are never changed, so any year's scorecard can be computed again as it was.
 */
export async function defineScorecard(
  deps: Deps,
  ctx: SignedInContext,
  input: {
    level: ScorecardLevel;
    effectiveYear: number;
    weights: Record<string, number>;
    note?: string | undefined;
  },
): Promise<{ items: ScorecardVersion[] }> {
  requirePermission(ctx, 'system.configure');
  requireLevelOf(deps, input.level);
  const weights = checkWeights(input.weights);
  const now = deps.now();
  const thisYear = Number(todayInShanghai(now).slice(0, 4));
  if (input.effectiveYear < thisYear) throw appError('EVALUATION_VERSION_PAST', { year: String(thisYear) });
  await deps.db.transaction().execute(async (trx) => {
    // Versions are numbered under a lock on the level's newest one, so two administrators can't take the same number.
    const latest = await trx
      .selectFrom('scorecard_versions')
      .select('version')
      .where('level', '=', input.level)
      .orderBy('version', 'desc')
      .forUpdate()
      .executeTakeFirst();
    const version = (latest?.version ?? 0) + 1;
    await trx
      .insertInto('scorecard_versions')
      .values({
        level: input.level,
        version,
        effective_year: input.effectiveYear,
        weights: JSON.stringify(weights),
        note: input.note?.trim() ?? '',
        created_by: ctx.actor.userId,
        created_at: now,
      })
      .execute();
    await auditUserAct(trx, ctx, now, {
      action: 'evaluation.scorecard.define',
      targetType: 'scorecard_version',
      targetId: `${input.level}:${version}`,
      details: { effectiveYear: input.effectiveYear, weights },
    });
  });
  return listScorecardVersions(deps, ctx, input.level);
}

/** Mediators and organizations are scored on the mediation platform, courts on the court platform. */
function requireLevelOf(deps: Deps, level: ScorecardLevel): void {
  if (!(LEVELS_OF_PLATFORM[deps.platform] as readonly ScorecardLevel[]).includes(level))
    throw appError('VALIDATION_FAILED', {
      reason: {
        zh: `本平台的评估对象为 ${LEVELS_OF_PLATFORM[deps.platform].join('、')}`,
        en: `this platform scores ${LEVELS_OF_PLATFORM[deps.platform].join(', ')}`,
      },
    });
}

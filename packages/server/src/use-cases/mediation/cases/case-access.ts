import type { ExpressionBuilder, Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import { type Actor, isAuthorized } from '@sutiao/domain/permissions.ts';
import type { Role } from '@sutiao/domain/roles.ts';
import { caseNotFound, type LoadedCase, loadCase } from './load-case.ts';

type CaseScope = Pick<
  LoadedCase,
  | 'status'
  | 'applicant_user_id'
  | 'agent_user_id'
  | 'respondent_org_id'
  | 'mediator_user_id'
  | 'organization_id'
  | 'organization_parent_id'
>;

const holds = (actor: Actor, role: Role) => actor.platform === 'mediation' && actor.roles.includes(role);

/**
 * Who may see a case: the applicant side its own (drafts included); the respondent firm, the assigned mediator and the
 * handling organization (or the center above a workstation) once submitted; regulators everything submitted.
 */
export function canReadCase(actor: Actor, c: CaseScope): boolean {
  if (
    isAuthorized(actor, 'case.read.own') &&
    (c.applicant_user_id === actor.userId || c.agent_user_id === actor.userId)
  ) {
    return true;
  }
  if (c.status === 'draft') return false;
  if (isAuthorized(actor, 'case.read.all')) return true;
  if (isAuthorized(actor, 'case.read.assigned') && c.mediator_user_id === actor.userId) return true;
  const org = actor.organizationId;
  if (!org || !isAuthorized(actor, 'case.read.org')) return false;
  if (holds(actor, 'respondent') && c.respondent_org_id === org) return true;
  return holds(actor, 'org_admin') && (c.organization_id === org || c.organization_parent_id === org);
}

/**
 * The same rule as a SQL filter over `cases` alone, for lists: it reads only columns that the list indexes carry,
 * so a page's ids can be found by an index-only scan (migration 005).
 */
export function readableCasesFilter(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'cases'>) => {
    const submitted = eb('cases.status', '<>', 'draft');
    const ors = [];
    if (isAuthorized(actor, 'case.read.own')) {
      ors.push(eb('cases.applicant_user_id', '=', actor.userId));
      ors.push(eb('cases.agent_user_id', '=', actor.userId));
    }
    if (isAuthorized(actor, 'case.read.all')) ors.push(submitted);
    if (isAuthorized(actor, 'case.read.assigned')) {
      ors.push(eb.and([submitted, eb('cases.mediator_user_id', '=', actor.userId)]));
    }
    const org = actor.organizationId;
    if (org && isAuthorized(actor, 'case.read.org')) {
      if (holds(actor, 'respondent')) ors.push(eb.and([submitted, eb('cases.respondent_org_id', '=', org)]));
      if (holds(actor, 'org_admin')) {
        // The organization itself and, for a center, its workstations.
        const family = eb
          .selectFrom('organizations')
          .select('organizations.id')
          .where((o) => o.or([o('organizations.id', '=', org), o('organizations.parent_id', '=', org)]));
        ors.push(eb.and([submitted, eb('cases.organization_id', 'in', family)]));
      }
    }
    return ors.length > 0 ? eb.or(ors) : eb.lit(false);
  };
}

/** Loads a case the actor may see; anything else is NOT_FOUND, so ids cannot be probed. */
export async function loadReadableCase(
  db: Kysely<DB>,
  actor: Actor,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedCase> {
  const c = await loadCase(db, caseId, options);
  if (!c || !canReadCase(actor, c)) throw caseNotFound();
  return c;
}

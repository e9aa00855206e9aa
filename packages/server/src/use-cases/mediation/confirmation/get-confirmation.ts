import type { Deps, SignedInContext } from '../../../deps.ts';
import type { Side } from '../../../adapters/db/confirmation-schema.ts';
import { type IsoDate, todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import type { RoutedCourt } from '@sutiao/domain/confirmation/competent-court.ts';
import type { PrecheckProblem } from '@sutiao/domain/confirmation/precheck.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';
import { loadReadableCase } from '../cases/case-access.ts';
import { confirmationOptions } from './confirmation-options.ts';
import { sideOf } from './confirmation-parties.ts';
import { type PresentedApplication, presentApplication } from './present-application.ts';

export interface CaseConfirmation {
  caseId: string;
  /** Which party the viewer is, if any: only parties apply and confirm. */
  viewerSide: Side | null;
  effectiveDate: IsoDate | null;
  window: { open: boolean; lastDay: IsoDate; daysLeft: number } | null;
  courts: RoutedCourt[];
  problems: PrecheckProblem[];
  /** Whether the viewer may start an application now. */
  canApply: boolean;
  /** Newest first. */
  applications: PresentedApplication[];
}

/** The case page's judicial confirmation panel: whether and where to apply, and every application with its steps. */
export async function getConfirmation(
  deps: Deps,
  ctx: SignedInContext,
  input: { caseId: string },
): Promise<CaseConfirmation> {
  const c = await loadReadableCase(deps.db, ctx.actor, input.caseId);
  const side = sideOf(ctx.actor, c);
  const today = todayInShanghai(deps.now());
  const options = await confirmationOptions(deps, deps.db, c);
  const rows = await deps.db
    .selectFrom('confirmation_applications')
    .selectAll()
    .where('case_id', '=', c.id)
    .orderBy('created_at', 'desc')
    .execute();
  const peers = await deps.db
    .selectFrom('docking_peers')
    .select(['id', 'base_url'])
    .where('platform', '=', 'court')
    .execute();
  const baseUrlOf = (peerId: string) => peers.find((p) => p.id === peerId)?.base_url ?? null;
  const applications = await Promise.all(
    rows.map((row) =>
      presentApplication(deps.db, row, {
        actor: ctx.actor,
        side,
        today,
        courtBaseUrl: baseUrlOf(row.court_peer_id),
      }),
    ),
  );
  return {
    caseId: c.id,
    viewerSide: side,
    effectiveDate: options.effectiveDate,
    window: options.window,
    courts: options.courts.map(({ peerId: _peer, ...court }) => court),
    problems: options.problems,
    canApply: side !== null && isAuthorized(ctx.actor, 'confirmation.apply') && options.problems.length === 0,
    applications,
  };
}

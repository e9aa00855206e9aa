import type { Kysely } from 'kysely';
import type { DB } from '../../adapters/db/schema.ts';
import type { Deps, SignedInContext } from '../../deps.ts';
import { newId } from '../../lib/ids.ts';
import { displayNameOf } from '../common/auth/display-name.ts';
import { todayInShanghai, yearOf } from '@sutiao/domain/calendar/dates.ts';
import { nextCourtCaseNumber } from './case-numbers.ts';
import { actorCourt, type CourtCaseRow } from './court-case-access.ts';
import { copyParties } from './court-parties.ts';
import type { CourtCaseDetail } from './present-court-case.ts';
import { type CourtEventInput, runCourtEvent } from './run-court-event.ts';

/**
 * 登记立案 in one action: the delegation gets a 民初 number (gapless per court and year) and ends filed, and the filed
 * case opens as an entrustment-lifecycle row carrying the parties, claims, facts and the undisputed facts of the
 * closing report (无争议事实记载). A settled delegation's filed case starts settled, its agreement carried, so the
 * judge can issue the 调解书 or allow the withdrawal.
 */
export function fileCase(
  deps: Deps,
  ctx: SignedInContext,
  input: CourtEventInput & { undisputedFacts?: string | null },
): Promise<CourtCaseDetail> {
  return runCourtEvent(deps, ctx, 'court.file', input, async (trx, row) => {
    const court = await actorCourt(trx, ctx.actor);
    const undisputed = input.undisputedFacts?.trim() || row.undisputed_facts;
    const filedId = newId();
    let filingNumber = '';
    return {
      event: 'file',
      changes: async () => {
        filingNumber = await nextCourtCaseNumber(trx, court, yearOf(todayInShanghai(deps.now())), '民初');
        return { filing_number: filingNumber, undisputed_facts: undisputed };
      },
      afterUpdate: async () => {
        await openFiledCase(trx, row, { id: filedId, filingNumber, undisputed, at: deps.now(), ctx });
      },
      payload: { filedCaseId: filedId },
    };
  });
}

async function openFiledCase(
  trx: Kysely<DB>,
  from: CourtCaseRow,
  filed: { id: string; filingNumber: string; undisputed: string | null; at: Date; ctx: SignedInContext },
): Promise<void> {
  const settled = from.status === 'settled';
  const status = settled ? 'settled' : 'filed';
  await trx
    .insertInto('court_cases')
    .values({
      ...from,
      id: filed.id,
      kind: 'entrustment',
      status,
      version: 1,
      origin_case_id: from.id,
      // A settled delegation's later decisions reach the organization under the delegation's caseRef.
      link_ref: settled ? from.id : null,
      peer_id: settled ? from.peer_id : null,
      organization_id: settled ? from.organization_id : null,
      organization_name: settled ? from.organization_name : null,
      mediator_id: settled ? from.mediator_id : null,
      mediator_name: settled ? from.mediator_name : null,
      organization_case_number: settled ? from.organization_case_number : null,
      closing_result: settled ? from.closing_result : null,
      closing_reason: settled ? from.closing_reason : null,
      closing_report: settled && from.closing_report ? JSON.stringify(from.closing_report) : null,
      application: null,
      ruling: null,
      filing_number: filed.filingNumber,
      undisputed_facts: filed.undisputed,
      consent_note: null,
      consent_recorded_at: null,
      extension_days: 0,
      outcome_note: null,
      procedure: null,
      next_deadline_kind: null,
      next_deadline_date: null,
      created_by_user_id: filed.ctx.actor.userId,
      created_at: filed.at,
      updated_at: filed.at,
      closed_at: null,
    })
    .execute();
  await copyParties(trx, from.id, filed.id);
  await trx
    .insertInto('court_case_events')
    .values({
      case_id: filed.id,
      event: 'file',
      from_status: null,
      to_status: status,
      actor_user_id: filed.ctx.actor.userId,
      actor_role: filed.ctx.actorRole ?? null,
      actor_name: await displayNameOf(trx, filed.ctx.actor.userId),
      at: filed.at,
      note: from.pre_filing_number,
      payload: JSON.stringify({ originCaseId: from.id, filingNumber: filed.filingNumber }),
    })
    .execute();
}

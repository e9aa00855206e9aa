import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import { type Kysely, sql } from 'kysely';
import { auditInsert } from '../../../adapters/audit/audit-log.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { CONSENT_KINDS } from '@sutiao/domain/consents.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';
import { newId } from '../../../lib/ids.ts';
import {
  applicationText,
  requireConsents,
  requireOwnUploads,
  requirePositiveFen,
} from './application-input.ts';

import { applyCaseTransitionInTrx, sendAfterCommit } from './case-transition.ts';
import { presentCaseDetail } from './get-case.ts';
import { loadApplicantParties } from './load-applicant-parties.ts';
import { type LoadedCase, loadCase } from './load-case.ts';
import { noAgreementFacts } from '../agreements/load-agreement.ts';
import type { CaseDetail, presentTimelineEntry } from './present-case.ts';

/** Applications go to the national center unless an organization is chosen (a later option of the form). */
const DEFAULT_HANDLING_ORGANIZATION_ID = 'org-center';

interface SubmitApplicationInput {
  respondentOrgId: string;
  claimAmountFen: number;
  facts: string;
  requests: string;
  evidenceIds: string[];
  consents: { kind: string; version: string }[];
  /** false keeps a draft; true submits at once (case number, registration deadline). */
  submit: boolean;
}

/** Creates an application as a draft, or creates and submits it, in one transaction. */
export async function submitApplication(
  deps: Deps,
  ctx: SignedInContext,
  input: SubmitApplicationInput,
): Promise<CaseDetail> {
  const { actor } = ctx;
  if (!isAuthorized(actor, 'case.apply')) throw appError('FORBIDDEN');
  // A draft may be saved from the first step: facts and requests are needed only to submit.
  const facts = applicationText('facts', input.facts, INPUT_LIMITS.facts, input.submit);
  const requests = applicationText('requests', input.requests, INPUT_LIMITS.requests, input.submit);
  const claimAmountFen = requirePositiveFen('claimAmountFen', input.claimAmountFen);
  const consentKinds = requireConsents(input.consents, input.submit);
  const { firm, applicant, handling } = await loadApplicantParties(
    deps.db,
    actor.userId,
    input.respondentOrgId,
    DEFAULT_HANDLING_ORGANIZATION_ID,
  );
  const evidenceIds = await requireOwnUploads(deps.db, actor.userId, input.evidenceIds);
  // An agent applying with no principal on file applies in their own name; the agent slot lets them act.
  const isAgent = !actor.roles.includes('investor') && actor.roles.includes('agent');

  const caseId = newId();
  const now = deps.now();
  let createEvent: Parameters<typeof presentTimelineEntry>[0] | undefined;
  // One transaction; the only lock it waits for is its organization's case-number row, taken at its very end.
  const outcome = await deps.db.transaction().execute((trx) => createInTrx(trx));
  const created = outcome ? outcome.after : await loadCase(deps.db, caseId);
  if (!created) throw appError('INTERNAL');
  if (outcome) await sendAfterCommit(deps, outcome.emails);
  // A new submission without evidence is presented as written; anything else is read back.
  const known =
    outcome && createEvent && evidenceIds.length === 0
      ? { facts: outcome.facts, timeline: [createEvent, outcome.event] }
      : undefined;
  return presentCaseDetail(deps.db, actor, created, known);

  async function createInTrx(trx: Kysely<DB>) {
    const consentRows = input.consents.map((consent) => ({
      id: newId(),
      user_id: actor.userId,
      case_id: caseId,
      kind: consent.kind as (typeof consentKinds)[number],
      version: consent.version,
      given_at: now,
    }));
    const evidenceRows = evidenceIds.map((uploadId) => ({
      case_id: caseId,
      upload_id: uploadId,
      added_by_user_id: actor.userId,
      added_at: now,
    }));
    createEvent = {
      event: 'create',
      from_status: null,
      to_status: 'draft',
      actor_name: applicant.display_name,
      actor_role: ctx.actorRole ?? null,
      at: now,
      note: null,
    };
    // The case, its consents, evidence links, first timeline entry and audit record in one statement (one round trip):
    // the other inserts are data-modifying CTEs, whose foreign keys are checked at the end of the statement.
    const row = await trx
      .with('consents_added', () =>
        consentRows.length > 0 ? trx.insertInto('consents').values(consentRows).returning('id') : noRows(trx),
      )
      .with('evidence_added', () =>
        evidenceRows.length > 0
          ? trx.insertInto('case_evidence').values(evidenceRows).returning('upload_id as id')
          : noRows(trx),
      )
      .with('audit_added', () =>
        auditInsert(
          trx,
          {
            requestId: ctx.requestId,
            actorUserId: actor.userId,
            actorRole: ctx.actorRole ?? null,
            action: 'case.create',
            targetType: 'case',
            targetId: caseId,
            outcome: 'success',
            details: { respondentOrgId: input.respondentOrgId, claimAmountFen, evidence: evidenceIds.length },
          },
          now,
        ),
      )
      .with('event_added', () =>
        trx
          .insertInto('case_events')
          .values({
            ...createEvent!,
            case_id: caseId,
            actor_user_id: actor.userId,
            payload: JSON.stringify({ evidence: evidenceIds.length }),
          })
          .returning('case_id as id'),
      )
      .insertInto('cases')
      .values({
        id: caseId,
        organization_id: DEFAULT_HANDLING_ORGANIZATION_ID,
        applicant_user_id: actor.userId,
        agent_user_id: isAgent ? actor.userId : null,
        respondent_org_id: input.respondentOrgId,
        status: 'draft',
        claim_amount_fen: claimAmountFen,
        facts,
        requests,
        applicant_name: applicant.display_name,
        applicant_investor_kind: applicant.investor_kind,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirst();
    if (!row) throw appError('INTERNAL');
    if (!input.submit) return null;
    const created: LoadedCase = {
      ...row,
      organization_name: handling.name,
      organization_parent_id: handling.parent_id,
      respondent_name: firm.name,
      respondent_firm_type: firm.firm_type,
    };
    // Given at their current versions (requireConsents); a new case has no agreement.
    const inputs = {
      consentsGiven: CONSENT_KINDS.every((kind) => consentKinds.includes(kind)),
      agreement: noAgreementFacts(),
    };
    return applyCaseTransitionInTrx(deps, ctx, trx, {
      ...submitRequest(deps, caseId, row.version),
      created: { case: created, inputs },
      actorName: applicant.display_name,
    });
  }
}

/** A CTE body that inserts nothing (Kysely needs one in every `with`). */
function noRows(db: Kysely<DB>) {
  return db.selectFrom('cases').select('id').where(sql<boolean>`false`);
}

/** The `submit` transition: the case gets its number at the very end of the transaction (number-case-at-end.ts). */
export function submitRequest(deps: Deps, caseId: string, expectedVersion: number) {
  return {
    caseId,
    event: 'submit' as const,
    expectedVersion,
    numberCase: true,
    changes: () => ({ submitted_at: deps.now() }),
  };
}

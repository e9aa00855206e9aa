import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import type { Actor } from '@sutiao/domain/permissions.ts';
import { presentAgreement } from '../agreements/present-agreement.ts';
import { abilitiesOf } from './case-abilities.ts';
import { loadReadableCase } from './case-access.ts';
import { loadCaseFacts } from './case-facts.ts';
import type { LoadedCase } from './load-case.ts';
import type { DirectCaseFacts } from '@sutiao/domain/lifecycles/direct-application-context.ts';
import { allowedRefusalReasons, mayPostMessage } from './case-offers.ts';
import {
  type CaseDetail,
  type MediatorChoice,
  presentEvidence,
  presentMessage,
  presentRecordEntry,
  presentSummary,
  presentTimelineEntry,
} from './present-case.ts';

/** CaseDetail for a participant or staff member; anyone else gets NOT_FOUND. */
export async function getCase(deps: Deps, ctx: SignedInContext, caseId: string): Promise<CaseDetail> {
  const c = await loadReadableCase(deps.db, ctx.actor, caseId);
  return presentCaseDetail(deps.db, ctx.actor, c);
}

/**
 * What the caller already knows of a case it has just created (a new application): its facts and timeline, no
 * evidence, messages, record or agreement. Saves reading back what was just written.
 */
interface KnownNewCase {
  facts: DirectCaseFacts;
  timeline: Parameters<typeof presentTimelineEntry>[0][];
}

export async function presentCaseDetail(
  db: Kysely<DB>,
  actor: Actor,
  c: LoadedCase,
  known?: KnownNewCase | { facts: DirectCaseFacts },
): Promise<CaseDetail> {
  if (known && 'timeline' in known) {
    return detailOf(actor, c, {
      ...known,
      evidence: [],
      messages: [],
      record: [],
      agreement: null,
      choiceNames: new Map(),
    });
  }
  // A transition has just computed the facts after it: no need to read them again.
  const facts = known?.facts ?? (await loadCaseFacts(db, c));
  const timeline = await db
    .selectFrom('case_events')
    .selectAll()
    .where('case_id', '=', c.id)
    .orderBy('id')
    .execute();
  const evidence = await db
    .selectFrom('case_evidence')
    .innerJoin('uploads', 'uploads.id', 'case_evidence.upload_id')
    .select([
      'uploads.id',
      'uploads.name',
      'uploads.size',
      'uploads.mime',
      'uploads.sha256',
      'case_evidence.added_at',
    ])
    .where('case_evidence.case_id', '=', c.id)
    .orderBy('case_evidence.added_at')
    .orderBy('uploads.id')
    .execute();
  // A line said in a session's private caucus is read afterwards only by those who were in the room.
  const messages = await db
    .selectFrom('case_messages')
    .selectAll()
    .where('case_id', '=', c.id)
    .where((eb) => eb.or([eb('audience', 'is', null), sql<boolean>`${actor.userId} = any(audience)`]))
    .orderBy('created_at')
    .execute();
  const record = await db
    .selectFrom('case_record')
    .selectAll()
    .where('case_id', '=', c.id)
    .orderBy('created_at')
    .execute();
  const agreement = await presentAgreement(db, c.id);
  const mediator = c.mediator_user_id
    ? await db
        .selectFrom('users')
        .leftJoin('organizations', 'organizations.id', 'users.organization_id')
        .select(['users.id', 'users.display_name', 'organizations.name as organization_name'])
        .where('users.id', '=', c.mediator_user_id)
        .executeTakeFirst()
    : undefined;
  const chosen = [c.mediator_choice_investor, c.mediator_choice_respondent].filter(
    (id): id is string => id !== null,
  );
  const choiceNames = new Map(
    chosen.length === 0
      ? []
      : (await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', chosen).execute()).map(
          (u) => [u.id, u.display_name] as const,
        ),
  );
  return detailOf(actor, c, {
    facts,
    timeline,
    evidence,
    messages,
    record,
    agreement,
    mediator,
    choiceNames,
  });
}

function choiceOf(id: string | null, names: ReadonlyMap<string, string>): MediatorChoice | null {
  return id ? { id, displayName: names.get(id) ?? '' } : null;
}

function detailOf(
  actor: Actor,
  c: LoadedCase,
  parts: {
    facts: DirectCaseFacts;
    timeline: Parameters<typeof presentTimelineEntry>[0][];
    evidence: Parameters<typeof presentEvidence>[0][];
    messages: Parameters<typeof presentMessage>[0][];
    record: Parameters<typeof presentRecordEntry>[0][];
    agreement: Awaited<ReturnType<typeof presentAgreement>>;
    mediator?: { id: string; display_name: string; organization_name: string | null } | undefined;
    choiceNames: ReadonlyMap<string, string>;
  },
): CaseDetail {
  const { facts, timeline, evidence, messages, record, agreement, mediator, choiceNames } = parts;
  const abilities = abilitiesOf(actor, c.status, facts);
  return {
    ...presentSummary(c),
    version: c.version,
    respondentOrgId: c.respondent_org_id,
    facts: c.facts,
    requests: c.requests,
    evidence: evidence.map(presentEvidence),
    mediator: mediator
      ? { id: mediator.id, displayName: mediator.display_name, organizationName: mediator.organization_name }
      : null,
    timeline: timeline.map(presentTimelineEntry),
    abilities,
    canPostMessage: mayPostMessage(actor, c.status, facts),
    refusalReasons: allowedRefusalReasons(actor, abilities, facts),
    mediatorChoices: {
      investor: choiceOf(c.mediator_choice_investor, choiceNames),
      respondent: choiceOf(c.mediator_choice_respondent, choiceNames),
    },
    agreement,
    messages: messages.map(presentMessage),
    record: record.map(presentRecordEntry),
    supplementRequest: c.supplement_request,
    respondentReply: c.respondent_reply,
    notAcceptedReason: c.not_accepted_reason_code,
    notAcceptedNote: c.not_accepted_note,
    failureReason: c.failure_reason_code,
    undisputedFacts: c.undisputed_facts,
    closingReason: c.closing_reason,
  };
}

import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import { CONSENT_KINDS, isCurrentConsent } from '@sutiao/domain/consents.ts';
import type { DirectCaseFacts } from '@sutiao/domain/lifecycles/direct-application-context.ts';
import { isTrack } from '@sutiao/domain/lifecycles/direct-application-codes.ts';
import { loadAgreementFacts } from '../agreements/load-agreement.ts';
import type { LoadedCase } from './load-case.ts';

/** Whether the applicant recorded both consents, at their current versions, for this case. */
async function hasCurrentConsents(db: Kysely<DB>, caseId: string): Promise<boolean> {
  const rows = await db
    .selectFrom('consents')
    .select(['kind', 'version'])
    .where('case_id', '=', caseId)
    .execute();
  return CONSENT_KINDS.every((kind) =>
    rows.some((r) => r.kind === kind && isCurrentConsent(r.kind, r.version)),
  );
}

/** Pure part: the application is complete when it has a firm respondent, a claim, facts, requests and consents. */
function isApplicationComplete(c: LoadedCase, consentsGiven: boolean): boolean {
  return (
    consentsGiven &&
    c.respondent_firm_type !== null &&
    c.claim_amount_fen > 0 &&
    c.facts.trim().length > 0 &&
    c.requests.trim().length > 0
  );
}

export interface FactInputs {
  consentsGiven: boolean;
  agreement: Awaited<ReturnType<typeof loadAgreementFacts>>;
}

/** What the facts read besides the case row: the consents and the current agreement. */
export async function loadFactInputs(db: Kysely<DB>, caseId: string): Promise<FactInputs> {
  const [consentsGiven, agreement] = await Promise.all([
    hasCurrentConsents(db, caseId),
    loadAgreementFacts(db, caseId),
  ]);
  return { consentsGiven, agreement };
}

/** What lifecycle A needs to know about a case, read inside the caller's transaction. */
export async function loadCaseFacts(db: Kysely<DB>, c: LoadedCase): Promise<DirectCaseFacts> {
  return caseFactsOf(c, await loadFactInputs(db, c.id));
}

/** Pure part of `loadCaseFacts`: the facts of a case row given its consents and agreement. */
export function caseFactsOf(c: LoadedCase, { consentsGiven, agreement }: FactInputs): DirectCaseFacts {
  return {
    applicantUserId: c.applicant_user_id,
    agentUserId: c.agent_user_id,
    respondentOrgId: c.respondent_org_id,
    organizationId: c.organization_id,
    mediatorUserId: c.mediator_user_id,
    recusedMediatorUserIds: c.recused_mediator_ids ?? [],
    track: isTrack(c.track) ? c.track : null,
    applicationComplete: isApplicationComplete(c, consentsGiven),
    // Bound to mediate an ordinary investor's request: a securities firm (证券法 art. 94) and, for an ordinary
    // trader, a futures firm (期货和衍生品法). The fact keeps its first name until the context file is renamed.
    respondentIsSecuritiesFirm:
      c.respondent_firm_type === 'securities' || c.respondent_firm_type === 'futures',
    applicantIsOrdinaryInvestor: c.applicant_investor_kind === 'ordinary',
    respondentReply: c.respondent_reply,
    mediatorChoices: { investor: c.mediator_choice_investor, respondent: c.mediator_choice_respondent },
    source: c.source,
    courtDeadlineDate: c.court_deadline_date,
    ...agreement,
  };
}

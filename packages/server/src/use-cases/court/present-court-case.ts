import type { Kysely } from 'kysely';
import type { DB } from '../../adapters/db/schema.ts';
import type { Deps, RequestContext } from '../../deps.ts';
import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { daysExcludedFromTrialPeriod } from '@sutiao/domain/lifecycles/court-entrustment.ts';
import type { CourtCaseRow } from './court-case-access.ts';
import { type PresentedParty, loadParties, presentParty } from './court-parties.ts';
import { type ConfirmationDetail, presentConfirmation } from './confirmation/present-confirmation.ts';
import { type CourtCaseKind, courtAbilities, isCourtCaseClosed } from './court-lifecycles.ts';

export interface CourtCaseSummary {
  id: string;
  kind: CourtCaseKind;
  status: string;
  closed: boolean;
  preFilingNumber: string | null;
  filingNumber: string | null;
  procedure: 'ordinary' | 'summary' | null;
  plaintiffs: string;
  defendants: string;
  organizationName: string | null;
  claimAmountFen: number;
  nextDeadline: { kind: string; dueDate: string; overdue: boolean } | null;
  updatedAt: string;
}

export interface CourtCaseDetail extends CourtCaseSummary {
  version: number;
  courtId: string;
  claims: string;
  facts: string;
  parties: PresentedParty[];
  organizationId: string | null;
  mediatorName: string | null;
  organizationCaseNumber: string | null;
  consentNote: string | null;
  consentRecordedAt: string | null;
  extensionDays: number;
  /** Days of the entrusted mediation not counted in the trial period (the consented extensions). */
  daysExcludedFromTrialPeriod: number;
  outcomeNote: string | null;
  closingReport: {
    result: string;
    reasonCode: string | null;
    closedAt: string;
    undisputedFacts: string | null;
    agreement: { amountFen: number; terms: string; effectiveAt: string; verificationCode: string } | null;
  } | null;
  undisputedFacts: string | null;
  /** The delegation this filed case came from, or the filed case this delegation became. */
  origin: { id: string; kind: string; status: string } | null;
  continuation: { id: string; kind: string; status: string } | null;
  documents: { id: string; caseNumber: string; verificationCode: string; issuedAt: string; pdfUrl: string }[];
  /** The caseRef the docking link knows this case by (its message history). */
  linkRef: string | null;
  timeline: {
    event: string;
    fromStatus: string | null;
    toStatus: string;
    actorName: string;
    at: string;
    note: string | null;
  }[];
  abilities: string[];
  /** A judicial confirmation case's application and review (kind confirmation), else null. */
  confirmation: ConfirmationDetail | null;
  createdAt: string;
}

const names = (parties: { role: string; name: string }[], role: string) =>
  parties
    .filter((p) => p.role === role)
    .map((p) => p.name)
    .join('、');

export function presentDeadline(
  row: Pick<CourtCaseRow, 'next_deadline_kind' | 'next_deadline_date'>,
  today: string,
) {
  return row.next_deadline_kind && row.next_deadline_date
    ? {
        kind: row.next_deadline_kind,
        dueDate: row.next_deadline_date,
        overdue: row.next_deadline_date < today,
      }
    : null;
}

/** The list's row: party names are masked (people) by the caller's query of names. */
export function presentSummary(
  row: CourtCaseRow,
  parties: { role: string; name: string }[],
  today: string,
): CourtCaseSummary {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    closed: isCourtCaseClosed(row),
    preFilingNumber: row.pre_filing_number,
    filingNumber: row.filing_number,
    procedure: row.procedure,
    plaintiffs: names(parties, row.kind === 'confirmation' ? 'applicant' : 'plaintiff'),
    defendants: names(parties, 'defendant'),
    organizationName: row.organization_name,
    claimAmountFen: Number(row.claim_amount_fen),
    nextDeadline: presentDeadline(row, today),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

async function linked(db: Kysely<DB>, where: { id?: string; origin?: string }) {
  let query = db.selectFrom('court_cases').select(['id', 'kind', 'status']);
  query = where.id
    ? query.where('id', '=', where.id)
    : query.where('origin_case_id', '=', where.origin ?? '');
  return (await query.executeTakeFirst()) ?? null;
}

/** The case page as the actor sees it: masked parties, timeline, deadlines, documents and what they may do now. */
export async function presentDetail(
  deps: Deps,
  ctx: RequestContext,
  db: Kysely<DB>,
  row: CourtCaseRow,
): Promise<CourtCaseDetail> {
  const today = todayInShanghai(deps.now());
  const parties = (await loadParties(deps, db, row.id)).map(presentParty);
  const [events, documents, origin, continuation] = await Promise.all([
    db.selectFrom('court_case_events').selectAll().where('case_id', '=', row.id).orderBy('id').execute(),
    db
      .selectFrom('court_documents')
      .select(['id', 'case_number', 'verification_code', 'issued_at'])
      .where('case_id', '=', row.id)
      .execute(),
    row.origin_case_id ? linked(db, { id: row.origin_case_id }) : null,
    linked(db, { origin: row.id }),
  ]);
  const report = row.closing_report;
  return {
    ...presentSummary(row, parties, today),
    version: row.version,
    courtId: row.court_id,
    claims: row.claims,
    facts: row.facts,
    parties,
    organizationId: row.organization_id,
    mediatorName: row.mediator_name,
    organizationCaseNumber: row.organization_case_number,
    consentNote: row.consent_note,
    consentRecordedAt: row.consent_recorded_at ? new Date(row.consent_recorded_at).toISOString() : null,
    extensionDays: row.extension_days,
    daysExcludedFromTrialPeriod:
      row.kind === 'entrustment' ? daysExcludedFromTrialPeriod(row.extension_days) : 0,
    outcomeNote: row.outcome_note,
    closingReport: report
      ? {
          result: report.result,
          reasonCode: report.reasonCode,
          closedAt: report.closedAt,
          undisputedFacts: report.undisputedFacts,
          agreement: report.agreement
            ? {
                amountFen: report.agreement.amountFen,
                terms: report.agreement.terms,
                effectiveAt: report.agreement.effectiveAt,
                verificationCode: report.agreement.verificationCode,
              }
            : null,
        }
      : null,
    undisputedFacts: row.undisputed_facts,
    origin,
    continuation,
    documents: documents.map((d) => ({
      id: d.id,
      caseNumber: d.case_number,
      verificationCode: d.verification_code,
      issuedAt: new Date(d.issued_at).toISOString(),
      pdfUrl: `/api/court/documents/${d.id}/pdf`,
    })),
    linkRef: row.peer_id ? (row.link_ref ?? row.id) : null,
    timeline: events.map((e) => ({
      event: e.event,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorName: e.actor_name,
      at: new Date(e.at).toISOString(),
      note: e.note,
    })),
    abilities: ctx.actor ? courtAbilities(row, ctx.actor, today) : [],
    confirmation: row.kind === 'confirmation' ? presentConfirmation(row) : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

import type { Kysely } from 'kysely';
import type { Side } from '../../../adapters/db/confirmation-schema.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Attachment } from '@sutiao/domain/docking/message-bodies.ts';
import type { IsoDate } from '@sutiao/domain/calendar/dates.ts';
import { CONFIRMATION_APPLICATION } from '@sutiao/domain/lifecycles/confirmation-application.ts';
import { availableEvents, isTerminal } from '@sutiao/domain/lifecycles/state-machine.ts';
import type { Actor } from '@sutiao/domain/permissions.ts';
import { type ApplicationRow, factsOfApplication } from './application-binding.ts';

export interface PresentedApplication {
  id: string;
  version: number;
  status: string;
  closed: boolean;
  appliedBy: Side;
  court: { id: string; name: string; code: string };
  routingBasis: string;
  routingReason: string;
  effectiveDate: string;
  windowLastDay: string;
  statements: { side: Side; text: string; at: string }[];
  courtCaseNumber: string | null;
  rulingDueDate: string | null;
  supplement: { of: string; questions: string; dueDate: string | null } | null;
  decision: string | null;
  groundCode: string | null;
  decisionNote: string | null;
  outcomeNote: string | null;
  /** The ruling, and where the public checks it: the court platform's verification page. */
  ruling: {
    verificationCode: string | null;
    document: Attachment;
    pdfUrl: string;
    verifyUrl: string | null;
  } | null;
  nextDeadline: { kind: string; dueDate: string } | null;
  timeline: {
    event: string;
    fromStatus: string | null;
    toStatus: string;
    actorName: string;
    at: string;
    note: string | null;
  }[];
  /** Events the signed-in user may fire now. */
  abilities: string[];
  createdAt: string;
}

/** An application as a party, the mediator or the organization sees it on the case page. */
export async function presentApplication(
  db: Kysely<DB>,
  row: ApplicationRow,
  viewer: { actor: Actor; side: Side | null; today: IsoDate; courtBaseUrl: string | null },
): Promise<PresentedApplication> {
  const events = await db
    .selectFrom('confirmation_application_events')
    .selectAll()
    .where('application_id', '=', row.id)
    .orderBy('id')
    .execute();
  const statements = (['investor', 'respondent'] as const).flatMap((side) => {
    const s = row.statements[side];
    return s ? [{ side, text: s.text, at: s.at }] : [];
  });
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    closed: isTerminal(CONFIRMATION_APPLICATION, row.status as never),
    appliedBy: row.applied_by,
    court: { id: row.court_id, name: row.court_name, code: row.court_code },
    routingBasis: row.routing_basis,
    routingReason: row.routing_reason,
    effectiveDate: row.effective_date,
    windowLastDay: row.window_last_day,
    statements,
    courtCaseNumber: row.court_case_number,
    rulingDueDate: row.ruling_due_date,
    supplement: row.supplement_of
      ? { of: row.supplement_of, questions: row.supplement_questions ?? '', dueDate: row.supplement_due_date }
      : null,
    decision: row.decision,
    groundCode: row.ground_code,
    decisionNote: row.decision_note,
    outcomeNote: row.outcome_note,
    ruling: row.ruling_document
      ? {
          verificationCode: row.ruling_verification_code,
          document: row.ruling_document,
          pdfUrl: `/api/confirmations/${row.id}/ruling.pdf`,
          verifyUrl:
            viewer.courtBaseUrl && row.ruling_verification_code
              ? `${viewer.courtBaseUrl.replace(/\/+$/, '')}/verify/${encodeURIComponent(row.ruling_verification_code)}`
              : null,
        }
      : null,
    nextDeadline:
      row.next_deadline_kind && row.next_deadline_date
        ? { kind: row.next_deadline_kind, dueDate: row.next_deadline_date }
        : null,
    timeline: events.map((e) => ({
      event: e.event,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorName: e.actor_name,
      at: new Date(e.at).toISOString(),
      note: e.note,
    })),
    abilities: availableEvents(CONFIRMATION_APPLICATION, row.status as never, {
      actor: viewer.actor,
      actorSide: viewer.side,
      application: factsOfApplication(row),
      today: viewer.today,
    }),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

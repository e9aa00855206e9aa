import type { Generated } from 'kysely';
import type { Json, Timestamp } from './column-types.ts';
import type { Attachment } from '@sutiao/domain/docking/message-bodies.ts';

/** The mediation platform's judicial confirmation applications (migration 015). */
export interface ConfirmationTables {
  confirmation_applications: ConfirmationApplicationsTable;
  confirmation_application_events: ConfirmationApplicationEventsTable;
}

export type Side = 'investor' | 'respondent';

/** A party's statement (声明) as given on the platform. */
export interface PartyStatement {
  text: string;
  at: string;
  userId: string;
}

export interface ConfirmationApplicationsTable {
  id: string;
  case_id: string;
  agreement_id: string;
  status: string;
  version: number;
  applied_by: Side;
  applicant_user_id: string;
  co_applicant_user_id: string | null;
  statements: Json<Partial<Record<Side, PartyStatement>>>;
  court_peer_id: string;
  court_id: string;
  court_name: string;
  court_code: string;
  routing_basis: string;
  routing_reason: string;
  effective_date: string;
  window_last_day: string;
  reminders_sent: Generated<number[]>;
  court_case_number: string | null;
  ruling_due_date: string | null;
  supplement_of: Side | 'both' | null;
  supplement_questions: string | null;
  supplement_due_date: string | null;
  decision: 'confirmed' | 'rejected' | 'withdrawn' | 'not-accepted' | null;
  ground_code: string | null;
  decision_note: string | null;
  ruling_document: Json<Attachment> | null;
  ruling_verification_code: string | null;
  ruling_message_id: string | null;
  outcome_note: string | null;
  next_deadline_kind: string | null;
  next_deadline_date: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
}

export interface ConfirmationApplicationEventsTable {
  id: Generated<string>;
  application_id: string;
  event: string;
  from_status: string | null;
  to_status: string;
  actor_user_id: string | null;
  actor_name: string;
  at: Timestamp;
  note: string | null;
  payload: Json<Record<string, unknown>>;
}

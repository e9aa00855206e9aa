import { maskName } from '@sutiao/domain/masking.ts';
import type { AgreementView } from '../agreements/present-agreement.ts';
import type { LoadedCase } from './load-case.ts';

const iso = (value: Date | string): string => new Date(value).toISOString();

export interface CaseSummary {
  id: string;
  caseNumber: string | null;
  status: string;
  track: string | null;
  /** Masked (张*): lists and details never show a full applicant name without a reveal. */
  applicantName: string;
  respondentName: string;
  organizationName: string;
  claimAmountFen: number;
  nextDeadline: { kind: string; dueDate: string } | null;
  updatedAt: string;
  /** Direct application, or referred by a court over the docking link (诉前委派 / 诉中委托). */
  source: 'direct' | 'delegated' | 'entrusted';
  /** The referring court's side of a referred case: its name, its number, its reference and its period. */
  court: { name: string; caseNumber: string | null; caseRef: string; periodEnds: string | null } | null;
}

type SummaryRow = Pick<
  LoadedCase,
  | 'id'
  | 'case_number'
  | 'status'
  | 'track'
  | 'applicant_name'
  | 'respondent_name'
  | 'organization_name'
  | 'claim_amount_fen'
  | 'next_deadline_kind'
  | 'next_deadline_date'
  | 'updated_at'
  | 'source'
  | 'court_name'
  | 'court_case_number'
  | 'court_case_ref'
  | 'court_deadline_date'
>;

export function presentSummary(row: SummaryRow): CaseSummary {
  return {
    id: row.id,
    caseNumber: row.case_number,
    status: row.status,
    track: row.track,
    applicantName: maskName(row.applicant_name),
    respondentName: row.respondent_name,
    organizationName: row.organization_name,
    claimAmountFen: Number(row.claim_amount_fen),
    nextDeadline:
      row.next_deadline_kind && row.next_deadline_date
        ? { kind: row.next_deadline_kind, dueDate: row.next_deadline_date }
        : null,
    updatedAt: iso(row.updated_at),
    source: row.source,
    court:
      row.source !== 'direct' && row.court_case_ref
        ? {
            name: row.court_name ?? '',
            caseNumber: row.court_case_number,
            caseRef: row.court_case_ref,
            periodEnds: row.court_deadline_date,
          }
        : null,
  };
}

interface EvidenceItem {
  id: string;
  name: string;
  size: number;
  mime: string;
  sha256: string;
  url: string;
  uploadedAt: string;
}

export interface TimelineEntry {
  event: string;
  fromStatus: string | null;
  toStatus: string;
  actorName: string;
  actorRole: string | null;
  at: string;
  note: string | null;
}

export interface CaseMessage {
  id: string;
  body: string;
  authorName: string;
  authorRole: string;
  createdAt: string;
  /** Said in an audio/video session: the session and the room (main, or a side's caucus); null on the case board. */
  sessionId: string | null;
  room: string | null;
}

export interface RecordEntry {
  id: string;
  body: string;
  authorName: string;
  createdAt: string;
}

export interface MediatorChoice {
  id: string;
  displayName: string;
}

export interface CaseDetail extends CaseSummary {
  version: number;
  respondentOrgId: string | null;
  facts: string;
  requests: string;
  evidence: EvidenceItem[];
  mediator: { id: string; displayName: string; organizationName: string | null } | null;
  timeline: TimelineEntry[];
  abilities: string[];
  /** The message form is offered: a party, on an open case. */
  canPostMessage: boolean;
  /** Refusal reasons the law allows now (empty unless the actor may refuse). */
  refusalReasons: string[];
  /** Each party's choice of mediator so far; mediation starts when both choose the same one. */
  mediatorChoices: { investor: MediatorChoice | null; respondent: MediatorChoice | null };
  /** The live agreement (use-cases/agreements); null until a draft exists. */
  agreement: AgreementView | null;
  messages: CaseMessage[];
  record: RecordEntry[];
  supplementRequest: string | null;
  respondentReply: 'willing' | 'unwilling' | null;
  notAcceptedReason: string | null;
  notAcceptedNote: string | null;
  failureReason: string | null;
  undisputedFacts: string | null;
  closingReason: string | null;
}

export const presentMessage = (m: {
  id: string;
  body: string;
  author_name: string;
  author_role: string;
  created_at: Date | string;
  session_id?: string | null;
  room?: string | null;
}): CaseMessage => ({
  id: m.id,
  body: m.body,
  authorName: m.author_name,
  authorRole: m.author_role,
  createdAt: iso(m.created_at),
  sessionId: m.session_id ?? null,
  room: m.room ?? null,
});

export const presentRecordEntry = (r: {
  id: string;
  body: string;
  author_name: string;
  created_at: Date | string;
}): RecordEntry => ({ id: r.id, body: r.body, authorName: r.author_name, createdAt: iso(r.created_at) });

export const presentTimelineEntry = (e: {
  event: string;
  from_status: string | null;
  to_status: string;
  actor_name: string;
  actor_role: string | null;
  at: Date | string;
  note: string | null;
}): TimelineEntry => ({
  event: e.event,
  fromStatus: e.from_status,
  toStatus: e.to_status,
  actorName: e.actor_name,
  actorRole: e.actor_role,
  at: iso(e.at),
  note: e.note,
});

export const presentEvidence = (u: {
  id: string;
  name: string;
  size: number;
  mime: string;
  sha256: string;
  added_at: Date | string;
}): EvidenceItem => ({
  id: u.id,
  name: u.name,
  size: u.size,
  mime: u.mime,
  sha256: u.sha256,
  url: `/api/uploads/${u.id}`,
  uploadedAt: iso(u.added_at),
});

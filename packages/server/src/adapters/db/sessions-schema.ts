import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

// Audio/video mediation sessions (migration 022).
export interface SessionTables {
  mediation_sessions: MediationSessionsTable;
  mediation_session_participants: MediationSessionParticipantsTable;
}

export interface MediationSessionsTable {
  id: string;
  case_id: string;
  mediator_user_id: string;
  scheduled_at: Timestamp;
  expected_minutes: number;
  state: 'scheduled' | 'open' | 'ended' | 'cancelled';
  version: Generated<number>;
  opened_at: Timestamp | null;
  ended_at: Timestamp | null;
  reminder_sent_at: Timestamp | null;
  created_at: Timestamp;
}

export interface MediationSessionParticipantsTable {
  session_id: string;
  user_id: string;
  role: 'mediator' | 'party' | 'agent' | 'observer';
  side: 'investor' | 'respondent' | null;
}

import type { ColumnType, Generated } from 'kysely';
import type { Json } from './column-types.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

// Audio/video mediation sessions (migration 022).
export interface SessionTables {
  mediation_sessions: MediationSessionsTable;
  mediation_session_participants: MediationSessionParticipantsTable;
  session_records: SessionRecordsTable;
  session_record_signatures: SessionRecordSignaturesTable;
  session_recordings: SessionRecordingsTable;
  session_recording_chunks: SessionRecordingChunksTable;
  signaling_instances: SignalingInstancesTable;
  signaling_hosts: SignalingHostsTable;
  signaling_spill: SignalingSpillTable;
  signaling_room_states: SignalingRoomStatesTable;
}

/** A live session's room state as its host last saved it (migration 027); the shape is `SavedRoomState`. */
export interface SignalingRoomStatesTable {
  session_id: string;
  state: Json<{
    caucus: 'investor' | 'respondent' | null;
    seats: Record<string, { admitted: boolean; awaySince: number | null; consent: boolean }>;
  }>;
  saved_at: Timestamp;
}

/** Server instances relaying signaling, and until when each said it is alive (migration 025). */
export interface SignalingInstancesTable {
  id: string;
  alive_until: Timestamp;
}

/** The instance that holds a live session's rooms. */
export interface SignalingHostsTable {
  session_id: string;
  instance_id: string;
}

/** A relayed frame too large for one NOTIFY, until its reader takes it. */
export interface SignalingSpillTable {
  id: string;
  payload: string;
  created_at: Timestamp;
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

type Maybe<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface SessionRecordsTable {
  session_id: string;
  body: Generated<string>;
  revision: Generated<number>;
  status: Generated<'draft' | 'signing' | 'sealed'>;
  saved_at: Maybe<Date | string>;
  content: Maybe<string>;
  digest_sm3: Maybe<string>;
  finalized_at: Maybe<Date | string>;
  verification_code: Maybe<string>;
  seal_content: Maybe<string>;
  seal_algorithm: Maybe<string>;
  seal_key_id: Maybe<string>;
  seal_public_key_pem: Maybe<string>;
  seal_signature: Maybe<string>;
  sealed_at: Maybe<Date | string>;
  pdf_sha256: Maybe<string>;
  pdf_sm3: Maybe<string>;
}

export interface SessionRecordSignaturesTable {
  session_id: string;
  user_id: string;
  role: string;
  side: string | null;
  signer_name: string;
  signed_at: Timestamp;
  algorithm: string;
  key_id: string;
  public_key_pem: string;
  signature: string;
}

// Consented recordings of sessions (migration 024).
export interface SessionRecordingsTable {
  id: string;
  session_id: string;
  case_id: string;
  started_by: string;
  consented_user_ids: string[];
  audience: Maybe<string[]>;
  mime_type: string;
  state: 'recording' | 'stopped' | 'finished';
  version: Generated<number>;
  started_at: Timestamp;
  stop_reason: Maybe<
    | 'mediator'
    | 'consent-withdrawn'
    | 'joined-without-consent'
    | 'mediator-left'
    | 'session-ended'
    | 'room-changed'
  >;
  stopped_at: Maybe<Date | string>;
  finished_at: Maybe<Date | string>;
  chunk_count: Maybe<number>;
  /** bigint: read back as a string by the driver. */
  size_bytes: ColumnType<string | number | null, number | null | undefined, number | null>;
  digest_sm3: Maybe<string>;
}

export interface SessionRecordingChunksTable {
  recording_id: string;
  seq: number;
  sha256: string;
  size_bytes: number;
  received_at: Timestamp;
}

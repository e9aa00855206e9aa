import type { Generated } from 'kysely';
import type { Json, Timestamp } from './column-types.ts';
import type { DockingEnvelope } from '@sutiao/domain/docking/envelope.ts';
import type { CaseLinkSummary } from '@sutiao/domain/docking/link-state.ts';
import type { SignedReceipt } from '@sutiao/domain/docking/receipt.ts';

/** Tables of the docking link (migration 013). */
export interface DockingTables {
  docking_peers: DockingPeersTable;
  docking_peer_keys: DockingPeerKeysTable;
  docking_sequences: DockingSequencesTable;
  docking_outbox: DockingOutboxTable;
  docking_inbox: DockingInboxTable;
  docking_inbox_cursors: DockingInboxCursorsTable;
  docking_rejections: DockingRejectionsTable;
  docking_directory: DockingDirectoryTable;
  docking_attachments: DockingAttachmentsTable;
  docking_divergences: DockingDivergencesTable;
  case_court_parties: CaseCourtPartiesTable;
}

export interface DockingPeersTable {
  id: string;
  platform: 'court' | 'mediation';
  name: string;
  base_url: string;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface DockingPeerKeysTable {
  peer_id: string;
  key_id: string;
  algorithm: 'SM2' | 'Ed25519';
  public_key_pem: string;
  valid_from: Timestamp;
  valid_until: Timestamp | null;
  created_at: Generated<Timestamp>;
}

interface DockingSequencesTable {
  peer_id: string;
  case_ref: string;
  last: number;
}

export type OutboxStatus = 'pending' | 'delivered' | 'rejected' | 'dead';

export interface DockingOutboxTable {
  message_id: string;
  peer_id: string;
  type: string;
  case_ref: string | null;
  sequence: number;
  created_at: Timestamp;
  body: Json<unknown>;
  status: OutboxStatus;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_until: Timestamp | null;
  last_error: string | null;
  receipt: Json<SignedReceipt> | null;
  delivered_at: Timestamp | null;
}

export interface DockingInboxTable {
  sender_id: string;
  message_id: string;
  type: string;
  case_ref: string | null;
  sequence: number;
  envelope: Json<DockingEnvelope>;
  status: 'applied' | 'held' | 'rejected';
  code: string | null;
  detail: string | null;
  receipt: Json<SignedReceipt>;
  received_at: Timestamp;
  applied_at: Timestamp | null;
}

interface DockingInboxCursorsTable {
  sender_id: string;
  case_ref: string;
  last_applied: number;
}

interface DockingRejectionsTable {
  id: Generated<string>;
  sender_id: string | null;
  message_id: string | null;
  code: string;
  detail: string | null;
  raw: string;
  received_at: Timestamp;
}

export interface DirectoryWorkstation {
  id: string;
  name: string;
}
export interface DirectoryMediator {
  id: string;
  name: string;
  specialties: string[];
}

interface DockingDirectoryTable {
  peer_id: string;
  organization_id: string;
  name: string;
  region: string | null;
  workstations: Json<DirectoryWorkstation[]>;
  mediators: Json<DirectoryMediator[]>;
  published_at: Timestamp;
}

interface DockingAttachmentsTable {
  peer_id: string;
  case_ref: string;
  sha256: string;
  name: string;
  mime: string;
}

interface DockingDivergencesTable {
  id: Generated<string>;
  peer_id: string;
  case_ref: string;
  ours: Json<CaseLinkSummary>;
  theirs: Json<CaseLinkSummary>;
  found_at: Timestamp;
  resolved_at: Timestamp | null;
  resolution: string | null;
}

interface CaseCourtPartiesTable {
  case_id: string;
  position: number;
  kind: 'person' | 'organization';
  role: 'plaintiff' | 'defendant' | 'third-party';
  name: string;
  id_number_enc: string;
  id_number_index: string;
  phone_enc: string | null;
  user_id: string | null;
  organization_id: string | null;
}

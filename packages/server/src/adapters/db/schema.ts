import type { ColumnType, Generated } from 'kysely';

// Table types for Kysely. One interface per table; migrations/ is the source of truth.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<
  Record<string, unknown>,
  string | Record<string, unknown>,
  string | Record<string, unknown>
>;

export interface OrganizationsTable {
  id: string;
  kind: 'court' | 'mediation' | 'workstation' | 'firm' | 'regulator' | 'platform';
  name: string;
  short_name: string | null;
  code: string | null;
  parent_id: string | null;
  region: string | null;
  firm_type: 'securities' | 'futures' | 'fund' | 'listed' | null;
  court_level: 'supreme' | 'high' | 'intermediate' | 'basic' | null;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  organization_id: string | null;
  investor_kind: 'ordinary' | 'professional' | null;
  id_number_enc: string | null;
  id_number_index: string | null;
  phone_enc: string | null;
  email: string | null;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
  granted_by: string | null;
  granted_at: Generated<Date>;
}

export interface LoginFailuresTable {
  username: string;
  consecutive: number;
  locked_until: Timestamp | null;
  last_failed_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  idle_timeout_seconds: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  seq: number;
  at: Timestamp;
  request_id: string | null;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  details: Json;
  prev_hash: string;
  hash: string;
}

export interface InboxTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  case_id: string | null;
  created_at: Generated<Date>;
  read_at: Timestamp | null;
}

export interface DB {
  organizations: OrganizationsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  login_failures: LoginFailuresTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  inbox: InboxTable;
}

import type { ColumnType } from 'kysely';

// Table types of migration 012 (the audit Merkle log); kept apart so schema.ts stays a short index.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

interface AuditLogLeavesTable {
  log_index: number;
  seq: number;
  leaf_hash: string;
}

interface AuditTreeNodesTable {
  level: number;
  idx: number;
  hash: string;
}

export interface AuditTreeHeadsTable {
  tree_size: number;
  root_hash: string;
  signed_at: Timestamp;
  algorithm: string;
  key_id: string;
  public_key_pem: string;
  covered_seq: number;
  signature: string;
}

export interface AuditTables {
  audit_log_leaves: AuditLogLeavesTable;
  audit_tree_nodes: AuditTreeNodesTable;
  audit_tree_heads: AuditTreeHeadsTable;
}

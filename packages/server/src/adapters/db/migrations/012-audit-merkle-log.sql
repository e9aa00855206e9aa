-- Audit without a global lock (issue 6): a record is inserted in its caller's transaction with the SM3 hash of its
-- own content and a number from a sequence (no lock, no chain head to read); a background job later integrates
-- committed records into an SM3 Merkle log (RFC 6962 structure) and signs its tree heads.

-- Record numbers come from a sequence: unique and increasing, with holes where a transaction rolled back. The
-- trigger gives every record its number (an explicit one is overridden) after giving its transaction an id: so a
-- record numbered before the integrator read the sequence belongs to a transaction it can wait for (see
-- use-cases/common/audit/integrate-audit-log.ts), and a record numbered in the integrated past cannot be slipped in.
create sequence audit_log_seq_seq owned by audit_log.seq;
select setval('audit_log_seq_seq', coalesce((select max(seq) from audit_log), 0) + 1, false);
create function audit_log_number() returns trigger language plpgsql as $$
begin
  perform pg_current_xact_id();
  new.seq := nextval('audit_log_seq_seq');
  return new;
end $$;
create trigger audit_log_number before insert on audit_log
  for each row execute function audit_log_number();
-- Records written before this migration keep their chain hash (it covered prev_hash); new records have none.
alter table audit_log alter column prev_hash drop not null;

-- The log: leaves 0, 1, 2, … in integration order, each one record; leaf_hash = SM3(0x00 || canonical {hash, seq}).
create table audit_log_leaves (
  log_index bigint primary key,
  seq bigint not null unique,
  leaf_hash text not null
);

-- Hashes of the complete subtrees (level >= 1; node idx covers leaves [idx * 2^level, (idx + 1) * 2^level)),
-- written as the log grows so proofs need O(log² n) reads instead of the whole log.
create table audit_tree_nodes (
  level smallint not null,
  idx bigint not null,
  hash text not null,
  primary key (level, idx)
);

-- Signed tree heads: the platform key signs (tree size, root, covered seq, time); see adapters/audit/tree-head.ts.
create table audit_tree_heads (
  tree_size bigint primary key,
  root_hash text not null,
  signed_at timestamptz not null,
  algorithm text not null,
  key_id text not null,
  public_key_pem text not null,
  covered_seq bigint not null,          -- every record numbered up to here is in the first tree_size leaves
  signature text not null
);

-- The log, its nodes and its heads are append-only like the records themselves.
create trigger audit_log_leaves_no_update before update or delete on audit_log_leaves
  for each row execute function audit_log_append_only();
create trigger audit_log_leaves_no_truncate before truncate on audit_log_leaves
  for each statement execute function audit_log_append_only();
create trigger audit_tree_nodes_no_update before update or delete on audit_tree_nodes
  for each row execute function audit_log_append_only();
create trigger audit_tree_nodes_no_truncate before truncate on audit_tree_nodes
  for each statement execute function audit_log_append_only();
create trigger audit_tree_heads_no_update before update or delete on audit_tree_heads
  for each row execute function audit_log_append_only();
create trigger audit_tree_heads_no_truncate before truncate on audit_tree_heads
  for each statement execute function audit_log_append_only();

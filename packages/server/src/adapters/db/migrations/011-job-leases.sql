-- One row per background job: whichever instance holds the lease runs it; the others skip that turn.
create table job_leases (
  job_id text primary key,
  holder text not null,
  lease_until timestamptz not null,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_error text
);

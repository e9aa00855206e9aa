-- Signaling across several server instances of one platform (issue 9 part 3). Each live session is hosted by one
-- instance, which holds its rooms in memory; a participant connected to another instance is relayed to the host over
-- PostgreSQL NOTIFY. Instances say they are alive every few seconds; a session whose host stopped saying so is taken
-- over by the next instance a participant reaches.
create table signaling_instances (
  id text primary key,
  alive_until timestamptz not null
);

create table signaling_hosts (
  session_id text primary key references mediation_sessions (id),
  instance_id text not null
);
create index signaling_hosts_instance on signaling_hosts (instance_id);

-- A relayed frame too large for one NOTIFY (8000 bytes: a video offer's SDP can be more) waits here for its reader.
create table signaling_spill (
  id text primary key,
  payload text not null,
  created_at timestamptz not null default now()
);

-- A live session's room state, kept as it changes (who was admitted, who consented to recording, the caucus), so
-- that when its host instance stops or fails the next host seats the returning people as the old one would have:
-- back within the grace period, into the room they were in, without being admitted again.
create table signaling_room_states (
  session_id text primary key references mediation_sessions (id),
  state jsonb not null,
  saved_at timestamptz not null
);

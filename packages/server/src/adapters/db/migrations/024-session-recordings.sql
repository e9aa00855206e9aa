-- Recordings of audio/video sessions, made only with every participant's consent (issue 9 part 6). The mediator's
-- browser uploads the recording in numbered chunks while it runs; each chunk is kept by its SHA-256 in the file store
-- and listed here. Finishing checks the chunks are complete and keeps the SM3 digest of the whole file (the chunks in
-- order), which also goes into the audit trail.
create table session_recordings (
  id text primary key,
  session_id text not null references mediation_sessions (id),
  case_id text not null references cases (id),
  started_by text not null references users (id),
  consented_user_ids text[] not null,
  -- Who may play it besides the case's mediator: everyone seated (null), or, for a recording made in a private
  -- caucus, the people in that room.
  audience text[],
  mime_type text not null,
  state text not null check (state in ('recording', 'stopped', 'finished')),
  version integer not null default 1,
  started_at timestamptz not null,
  stop_reason text check (
    stop_reason in (
      'mediator', 'consent-withdrawn', 'joined-without-consent', 'mediator-left', 'session-ended', 'room-changed'
    )
  ),
  stopped_at timestamptz,
  finished_at timestamptz,
  chunk_count integer,
  size_bytes bigint,
  digest_sm3 text
);
create index session_recordings_session on session_recordings (session_id, started_at);
-- One recording at a time in a session.
create unique index session_recordings_one_running on session_recordings (session_id) where state = 'recording';
create index session_recordings_unfinished on session_recordings (started_at) where state <> 'finished';

create table session_recording_chunks (
  recording_id text not null references session_recordings (id),
  seq integer not null check (seq >= 0),
  sha256 text not null,
  size_bytes integer not null check (size_bytes > 0),
  received_at timestamptz not null,
  primary key (recording_id, seq)
);

-- Audio/video mediation sessions on a case (issue 9): the mediator schedules one with the case's people, opens it,
-- and ends it; chat said in a session is kept with the case's messages, with the room it was said in and, for a
-- private caucus, who was in the room (only they and the mediator read it afterwards).
create table mediation_sessions (
  id text primary key,
  case_id text not null references cases (id),
  mediator_user_id text not null references users (id),
  scheduled_at timestamptz not null,
  expected_minutes integer not null check (expected_minutes between 15 and 240),
  state text not null check (state in ('scheduled', 'open', 'ended', 'cancelled')),
  version integer not null default 1,
  opened_at timestamptz,
  ended_at timestamptz,
  reminder_sent_at timestamptz,
  created_at timestamptz not null
);
create index mediation_sessions_case on mediation_sessions (case_id, scheduled_at);
create index mediation_sessions_due_reminders on mediation_sessions (scheduled_at)
  where state = 'scheduled' and reminder_sent_at is null;

create table mediation_session_participants (
  session_id text not null references mediation_sessions (id),
  user_id text not null references users (id),
  role text not null check (role in ('mediator', 'party', 'agent', 'observer')),
  side text check (side in ('investor', 'respondent')),
  primary key (session_id, user_id)
);

alter table case_messages
  add column session_id text references mediation_sessions (id),
  add column room text,
  add column audience text[];

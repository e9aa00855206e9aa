-- Joint training (多层次联合培训), on both platforms: courses a court or mediation organization runs, alone or
-- jointly with others; enrollment and attendance; hours credited; signed certificates; annual hour requirements per
-- role, which gate the mediator roster.

create table training_courses (
  id text primary key,
  title text not null,
  summary text not null default '',
  organizer_id text not null references organizations (id),
  -- Courts and mediation organizations running the course together (a joint course when non-empty).
  co_organizer_ids text[] not null default '{}',
  mode text not null check (mode in ('online', 'in_person')),
  location text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  hours_x10 integer not null check (hours_x10 > 0 and hours_x10 <= 1000 and hours_x10 % 5 = 0),
  audience text[] not null check (cardinality(audience) > 0),
  capacity integer check (capacity > 0),
  status text not null default 'open' check (status in ('open', 'completed', 'cancelled')),
  version integer not null default 1,
  created_by text not null references users (id),
  created_at timestamptz not null,
  closed_at timestamptz,
  check (ends_at > starts_at)
);
create index training_courses_starts on training_courses (starts_at desc);
create index training_courses_organizer on training_courses (organizer_id, starts_at desc);

create table training_enrollments (
  course_id text not null references training_courses (id),
  user_id text not null references users (id),
  enrolled_at timestamptz not null,
  attendance text check (attendance in ('attended', 'absent')),
  hours_x10 integer not null default 0 check (hours_x10 >= 0 and hours_x10 <= 1000),
  -- The Beijing date the hours count on (the course's last day), set when the course is completed.
  credited_on text check (credited_on ~ '^\d{4}-\d{2}-\d{2}$'),
  recorded_by text references users (id),
  recorded_at timestamptz,
  primary key (course_id, user_id)
);
create index training_enrollments_user on training_enrollments (user_id, credited_on);

-- One signed certificate (培训合格证明) per attendee of a completed course.
create table training_certificates (
  id text primary key,
  course_id text not null references training_courses (id),
  user_id text not null references users (id),
  verification_code text not null unique,
  content text not null,
  digest_sm3 text not null,
  algorithm text not null,
  key_id text not null,
  public_key_pem text not null,
  signature text not null,
  pdf_sha256 text,
  pdf_sm3 text,
  issued_at timestamptz not null,
  unique (course_id, user_id)
);

-- The annual hour requirement per role, one row per year it was set for; a year without a row takes the latest
-- earlier one. Past years are never rewritten (their flags were decided by them).
create table training_requirements (
  role text not null,
  year integer not null check (year between 2000 and 2100),
  hours_x10 integer not null check (hours_x10 >= 0 and hours_x10 <= 2000 and hours_x10 % 5 = 0),
  grace_days integer not null check (grace_days between 0 and 183),
  set_by text references users (id),
  set_at timestamptz not null,
  primary key (role, year)
);

-- Defaults: 24 hours a year for mediators, 16 for judges and 8 for filing staff, each with 90 days' grace.
insert into training_requirements (role, year, hours_x10, grace_days, set_at) values
  ('mediator', 2024, 240, 90, '2024-01-01T00:00:00+08:00'),
  ('judge', 2024, 160, 90, '2024-01-01T00:00:00+08:00'),
  ('filing_officer', 2024, 80, 90, '2024-01-01T00:00:00+08:00');

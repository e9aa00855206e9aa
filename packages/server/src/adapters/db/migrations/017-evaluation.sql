-- Evaluation and incentives (评估激励): the satisfaction survey parties answer after mediation ends, and the
-- versioned scorecard weights per level.

-- One response per side of a case. Reports only ever show averages over at least five responses; the user id is
-- kept to refuse a second response, never shown.
create table case_surveys (
  case_id text not null references cases (id),
  side text not null check (side in ('investor', 'respondent')),
  user_id text not null references users (id),
  mediator_user_id text references users (id),
  organization_id text not null references organizations (id),
  answers jsonb not null,
  mean_x100 integer not null check (mean_x100 between 100 and 500),
  comment text not null default '',
  submitted_at timestamptz not null,
  primary key (case_id, side)
);
create index case_surveys_mediator on case_surveys (mediator_user_id, submitted_at);
create index case_surveys_organization on case_surveys (organization_id, submitted_at);

-- Scorecard weights, one immutable row per version. A version applies to the years from its effective year on,
-- until a later version takes effect; versions can only take effect from the year they are made, so the scorecard
-- of a past year is always computed with the weights it had.
create table scorecard_versions (
  level text not null check (level in ('mediator', 'organization')),
  version integer not null check (version > 0),
  effective_year integer not null check (effective_year between 2000 and 2100),
  weights jsonb not null,
  note text not null default '',
  created_by text references users (id),
  created_at timestamptz not null,
  primary key (level, version)
);

insert into scorecard_versions (level, version, effective_year, weights, note, created_at) values
  ('mediator', 1, 2024,
   '{"successRate": 35, "speed": 15, "satisfaction": 30, "dockingVolume": 10, "trainingHours": 10}',
   '默认方案', '2024-01-01T00:00:00+08:00'),
  ('organization', 1, 2024,
   '{"successRate": 35, "speed": 20, "satisfaction": 30, "dockingVolume": 15, "trainingHours": 0}',
   '默认方案', '2024-01-01T00:00:00+08:00');

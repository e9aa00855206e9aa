-- The statistics' occurrences (one row per case and counted event, see use-cases/mediation/statistics/occurrences.ts),
-- kept in a table so a dashboard aggregates rows instead of recomputing every case's timeline on each request
-- (issue 13 part 5). Each row carries the case attributes the figures group and filter by. The rows of a case are
-- recomputed from its timeline by the very query that defines them whenever the case is marked dirty; a read
-- brings every dirty case up to date first, so a figure always equals a direct count.
create table case_occurrences (
  case_id text not null,
  figure text not null,
  day date not null,
  amount bigint not null,
  days float8,
  -- A deadline still running: it counts as missed from `day` (the day after it ends) on, once that day has come.
  pending boolean not null default false,
  case_number text,
  status text not null,
  organization_id text not null,
  organization_name text not null,
  region text,
  mediator_user_id text,
  track text,
  source text not null,
  sector text,
  claim_amount_fen bigint not null,
  submitted_at timestamptz
);
create index case_occurrences_case on case_occurrences (case_id);
create index case_occurrences_day on case_occurrences (day, organization_id);

-- Cases whose occurrences must be recomputed; `marks` is bumped (not inserted twice) so that a writer that marks a
-- case while a refresh holds its row waits for that refresh and leaves the case marked again.
create table statistics_dirty_cases (
  case_id text primary key,
  marks bigint not null default 1
);

create function mark_statistics_dirty(target text) returns void language sql as $$
  insert into statistics_dirty_cases (case_id) values (target)
  on conflict (case_id) do update set marks = statistics_dirty_cases.marks + 1;
$$;

create function statistics_dirty_from_case_row() returns trigger language plpgsql as $$
begin
  perform mark_statistics_dirty(new.case_id);
  return null;
end $$;

create function statistics_dirty_from_payment() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then perform mark_statistics_dirty(old.case_id); end if;
  if tg_op <> 'DELETE' then perform mark_statistics_dirty(new.case_id); end if;
  return null;
end $$;

create function statistics_dirty_from_application_event() returns trigger language plpgsql as $$
begin
  perform mark_statistics_dirty(a.case_id) from confirmation_applications a where a.id = new.application_id;
  return null;
end $$;

create function statistics_dirty_from_case() returns trigger language plpgsql as $$
begin
  if (old.case_number, old.status, old.organization_id, old.respondent_org_id, old.mediator_user_id, old.track,
      old.source, old.claim_amount_fen, old.submitted_at)
     is distinct from
     (new.case_number, new.status, new.organization_id, new.respondent_org_id, new.mediator_user_id, new.track,
      new.source, new.claim_amount_fen, new.submitted_at) then
    perform mark_statistics_dirty(new.id);
  end if;
  return null;
end $$;

create function statistics_dirty_from_organization() returns trigger language plpgsql as $$
begin
  if (old.name, old.region, old.firm_type) is distinct from (new.name, new.region, new.firm_type) then
    perform mark_statistics_dirty(c.id) from cases c
    where c.organization_id = new.id or c.respondent_org_id = new.id;
  end if;
  return null;
end $$;

create trigger case_events_statistics after insert on case_events
  for each row execute function statistics_dirty_from_case_row();
create trigger case_payments_statistics after insert or update or delete on case_payments
  for each row execute function statistics_dirty_from_payment();
create trigger confirmation_applications_statistics after insert or update on confirmation_applications
  for each row execute function statistics_dirty_from_case_row();
create trigger confirmation_application_events_statistics after insert on confirmation_application_events
  for each row execute function statistics_dirty_from_application_event();
create trigger cases_statistics after update on cases
  for each row execute function statistics_dirty_from_case();
create trigger organizations_statistics after update on organizations
  for each row execute function statistics_dirty_from_organization();

-- The cases already there are computed on the first read.
insert into statistics_dirty_cases (case_id) select id from cases;

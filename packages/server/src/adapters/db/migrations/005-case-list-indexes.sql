-- Case lists at scale (issue 2): every list is `order by updated_at desc, id` over the actor's scope, paged.
-- The page's ids are found by an index-only scan (the scope columns are carried in the index), then only those
-- rows are read; the two older indexes without the id tie-breaker are replaced.
drop index if exists cases_updated;
drop index if exists cases_mediator;

-- Whole-organization and oversight lists without a status filter.
create index cases_recent on cases (updated_at desc, id) include (organization_id, status);
-- The same with a status filter.
create index cases_status_recent on cases (status, updated_at desc, id) include (organization_id);
-- A mediator's assigned cases.
create index cases_mediator_recent on cases (mediator_user_id, updated_at desc, id) include (status)
  where mediator_user_id is not null;

-- Who is notified of a transition: the respondent firm's staff and the handling organization's administrators,
-- looked up by organization inside the transition's transaction (a scan of every user, investors included, before).
create index users_organization on users (organization_id) where organization_id is not null;

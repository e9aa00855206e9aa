-- The deadline a transition of lifecycle A set running (its kind and last day), kept on the timeline entry, so the
-- statistics can tell which legal deadlines were met (DOMAIN §5 deadline compliance). Entries written before this
-- migration have none and are not counted.
alter table case_events add column deadline_kind text;
alter table case_events add column deadline_date text check (deadline_date ~ '^\d{4}-\d{2}-\d{2}$');
create index case_events_deadlines on case_events (case_id, id) where deadline_date is not null;

-- The reminder job looks up cases by their next deadline; without this it scans every case each run.
create index cases_next_deadline on cases (next_deadline_date) where next_deadline_date is not null;

-- Self-registration refuses an ID number already registered; the lookup is by blind index. At most one account
-- per person: the partial unique index makes a concurrent second registration fail instead of slipping through.
create unique index users_id_number_index on users (id_number_index) where id_number_index is not null;

-- The in-app notices to users were called "inbox"; that name now belongs to the docking link's message inbox.
alter table inbox rename to user_notices;
alter index inbox_user rename to user_notices_user;

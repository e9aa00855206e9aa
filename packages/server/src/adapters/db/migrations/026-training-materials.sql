-- Course materials (培训资料): files an organizer attaches to a course — slides, handouts, reading — kept by content
-- hash in the file store. Everyone who sees the course sees the list; its enrolled trainees and the people who
-- oversee it download them. A removed material stays recorded (who removed it, when) and is no longer offered.

create table training_materials (
  id text primary key,
  course_id text not null references training_courses (id),
  title text not null check (length(title) between 1 and 200),
  file_name text not null,
  mime text not null,
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  uploaded_by text not null references users (id),
  uploaded_at timestamptz not null,
  removed_by text references users (id),
  removed_at timestamptz,
  check ((removed_by is null) = (removed_at is null))
);
create index training_materials_course on training_materials (course_id, uploaded_at) where removed_at is null;

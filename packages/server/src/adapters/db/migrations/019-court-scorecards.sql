-- Courts are scored too (评估激励 over courts, DOMAIN §1): the court platform keeps its own weights versions.
alter table scorecard_versions drop constraint scorecard_versions_level_check;
alter table scorecard_versions add constraint scorecard_versions_level_check
  check (level in ('mediator', 'organization', 'court'));

insert into scorecard_versions (level, version, effective_year, weights, note, created_at) values
  ('court', 1, 2024,
   '{"successRate": 40, "speed": 20, "satisfaction": 0, "dockingVolume": 30, "trainingHours": 10}',
   '默认方案', '2024-01-01T00:00:00+08:00');

-- A running assessment holds a lease that its job renews after every chunk. A run whose process died stops
-- renewing; any instance may then claim it (atomically) and run it again from the stored inputs.
alter table loss_assessments add column run_lease_until timestamptz;
create index loss_assessments_calculating on loss_assessments (run_lease_until) where status = 'calculating';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDefinition } from '../../src/jobs/job-definition.ts';
import { JOBS } from '../../src/jobs/job-registry.ts';
import { startJobs } from '../../src/jobs/job-runner.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestPlatform, type TestPlatform } from '../support/test-platform.ts';

const quiet = () => {};

describe.each(ENGINES)('the jobs registry on %s', (engine) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await createTestPlatform(engine, 'mediation', { seed: false });
  });
  afterAll(async () => t?.close());

  const counting = (id: string, extra: Partial<JobDefinition> = {}) => {
    const calls: number[] = [];
    const job: JobDefinition = {
      id,
      platforms: ['mediation'],
      everyMs: 60_000,
      leaseMs: 30_000,
      run: async () => {
        calls.push(Date.now());
        await new Promise((r) => setTimeout(r, 30));
      },
      ...extra,
    };
    return { job, calls };
  };

  it('lets one of two instances run a scheduled job per period, and records when it finished', async () => {
    const { job, calls } = counting('test.scheduled');
    const a = startJobs(t.deps, [job], { schedule: false, log: quiet });
    const b = startJobs(t.deps, [job], { schedule: false, log: quiet });
    const ran = await Promise.all([a.runNow(job.id), b.runNow(job.id)]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(calls).toHaveLength(1);
    // Still inside the period: neither instance runs it again.
    expect(await b.runNow(job.id)).toBe(false);
    expect(calls).toHaveLength(1);
    const lease = await t.deps.db
      .selectFrom('job_leases')
      .selectAll()
      .where('job_id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(lease.last_finished_at).not.toBeNull();
    expect(lease.last_error).toBeNull();
    await Promise.all([a.stop(), b.stop()]);
  });

  it('frees a triggered job at once, coalesces triggers during a run, and keeps a failure on record', async () => {
    const { job, calls } = counting('test.triggered', { everyMs: undefined, leaseMs: 10_000 });
    const runner = startJobs(t.deps, [job], { schedule: false, log: quiet });
    const first = runner.runNow(job.id);
    runner.trigger(job.id);
    runner.trigger(job.id);
    expect(await first).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toHaveLength(2);

    const failing: JobDefinition = {
      ...job,
      id: 'test.failing',
      run: async () => Promise.reject(new Error('boom')),
    };
    const other = startJobs(t.deps, [failing], { schedule: false, log: quiet });
    expect(await other.runNow(failing.id)).toBe(true);
    const lease = await t.deps.db
      .selectFrom('job_leases')
      .select('last_error')
      .where('job_id', '=', failing.id)
      .executeTakeFirstOrThrow();
    expect(lease.last_error).toContain('boom');
    // A failed triggered job may run again at once.
    expect(await other.runNow(failing.id)).toBe(true);
    await Promise.all([runner.stop(), other.stop()]);
  });

  it('runs only the jobs of its own platform; every registered job is well formed', async () => {
    const runner = startJobs({ ...t.deps, platform: 'court' }, JOBS, { schedule: false, log: quiet });
    await expect(runner.runNow('cases.deadline-reminders')).rejects.toThrow(/no job/);
    for (const job of JOBS) {
      expect(job.leaseMs).toBeGreaterThan(0);
      expect(job.platforms.length).toBeGreaterThan(0);
    }
    expect(new Set(JOBS.map((j) => j.id)).size).toBe(JOBS.length);
  });
});

import { sql } from 'kysely';
import type { Deps } from '../deps.ts';
import { newId } from '../lib/ids.ts';
import type { JobDefinition } from './job-definition.ts';

interface JobRunner {
  /**
   * Something changed that the job must see: runs it now unless an instance is running it — the hold after a
   * scheduled run (one run per period) does not apply. Coalesced: triggers while it runs give one more run.
   */
  trigger(id: string): Promise<boolean>;
  /** Runs a job now, on this instance, if no other holds its lease; resolves with whether it ran. */
  runNow(id: string): Promise<boolean>;
  /** Stops the timers and waits for runs in progress. */
  stop(): Promise<void>;
}

/** Schedules the registry's jobs of `deps.platform`. Leases use the database clock, shared by every instance. */
export function startJobs(
  deps: Deps,
  jobs: readonly JobDefinition[],
  options: { log?: (message: string, error?: unknown) => void; schedule?: boolean } = {},
): JobRunner {
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''));
  const holder = newId();
  const mine = new Map(jobs.filter((j) => j.platforms.includes(deps.platform)).map((j) => [j.id, j]));
  const running = new Map<string, Promise<boolean>>();
  const again = new Set<string>();
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;

  const claim = async (job: JobDefinition, ignoreHold: boolean): Promise<boolean> => {
    if (job.everyInstance) return true;
    const leaseSeconds = job.leaseMs / 1000;
    const { rows } = await sql<{ job_id: string }>`
      insert into job_leases (job_id, holder, lease_until, last_started_at)
      values (${job.id}, ${holder}, now() + make_interval(secs => ${leaseSeconds}), now())
      on conflict (job_id) do update
        set holder = excluded.holder, lease_until = excluded.lease_until, last_started_at = now()
        where job_leases.lease_until < now()
           or (${ignoreHold} and job_leases.last_finished_at is not null
               and job_leases.last_finished_at >= job_leases.last_started_at)
      returning job_id`.execute(deps.db);
    return rows.length > 0;
  };

  // A scheduled job keeps its lease until most of its period has passed, so of several instances one runs per period;
  // a triggered job frees it at once.
  const release = async (job: JobDefinition, error: unknown) => {
    if (job.everyInstance) return;
    const holdSeconds = (job.holdMs ?? (job.everyMs ? job.everyMs * 0.8 : 0)) / 1000;
    const message = error === undefined ? null : String((error as Error)?.stack ?? error).slice(0, 2000);
    await sql`
      update job_leases
        set lease_until = last_started_at + make_interval(secs => ${holdSeconds}), last_finished_at = now(),
            last_error = ${message}
        where job_id = ${job.id} and holder = ${holder}`.execute(deps.db);
  };

  const runNow = (id: string, ignoreHold = false): Promise<boolean> => {
    const job = mine.get(id);
    if (!job) return Promise.reject(new Error(`no job ${id} on the ${deps.platform} platform`));
    const current = running.get(id);
    if (current) {
      again.add(id);
      return current;
    }
    const run = (async () => {
      if (!(await claim(job, ignoreHold))) return false;
      let failure: unknown;
      try {
        await job.run(deps);
      } catch (error) {
        failure = error ?? 'failed';
        log(`[${deps.platform}] job ${id} failed`, error);
      }
      await release(job, failure);
      return true;
    })()
      .catch((error: unknown) => {
        log(`[${deps.platform}] job ${id} could not run`, error);
        return false;
      })
      .finally(() => {
        running.delete(id);
        if (again.delete(id) && !stopped) void runNow(id, true);
      });
    running.set(id, run);
    return run;
  };

  if (options.schedule !== false) {
    for (const job of mine.values()) {
      if (!job.everyMs) continue;
      const timer = setInterval(() => void runNow(job.id), job.everyMs);
      timer.unref();
      timers.push(timer);
    }
  }

  return {
    trigger: (id) => runNow(id, true),
    runNow: (id) => runNow(id),
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.allSettled([...running.values()]);
    },
  };
}

/** Runs every scheduled job of the platform once (at start-up), each under its lease. */
export async function runScheduledJobsOnce(runner: JobRunner, jobs: readonly JobDefinition[], deps: Deps) {
  const ids = jobs.filter((j) => j.everyMs && j.platforms.includes(deps.platform)).map((j) => j.id);
  await Promise.all(ids.map((id) => runner.runNow(id)));
}

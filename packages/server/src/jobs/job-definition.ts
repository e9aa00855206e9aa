import type { Deps } from '../deps.ts';
import type { Platform } from '@sutiao/domain/roles.ts';

/**
 * A background job: what it is, where it runs, when, and what it does. Every instance of a platform runs the same
 * registry; a lease in `job_leases` lets one instance at a time run a job, and every handler is idempotent besides,
 * so a lost lease (a process that died mid-run) costs at most a repeated, harmless run.
 */
export interface JobDefinition {
  /** Stable name, e.g. `cases.deadline-reminders`; the lease row's key. */
  id: string;
  platforms: readonly Platform[];
  /** Run every this many milliseconds (scheduled), and once at start-up. Omitted: only when triggered. */
  everyMs?: number;
  /** How long a run may hold the lease before another instance may assume it died. */
  leaseMs: number;
  /** After a run starts, no instance starts it again for this long (default 80 % of `everyMs`; 0 for triggered jobs). */
  holdMs?: number;
  /**
   * Every instance runs it, with no lease: for work the handler itself shares out safely row by row (the docking
   * relay claims messages with `FOR UPDATE SKIP LOCKED`), where one instance at a time would cap throughput.
   */
  everyInstance?: boolean;
  run(deps: Deps): Promise<unknown>;
}

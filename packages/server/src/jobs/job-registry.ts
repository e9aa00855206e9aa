import { integrateAuditLog } from '../use-cases/common/audit/integrate-audit-log.ts';
import { sendDeadlineReminders } from '../use-cases/mediation/cases/send-deadline-reminders.ts';
import { resumeInterruptedRuns } from '../use-cases/mediation/loss/resume-interrupted-runs.ts';
import type { JobDefinition } from './job-definition.ts';

/** Every background job of both platforms. Add a job here; `job-runner.ts` schedules it on its platforms. */
export const JOBS: readonly JobDefinition[] = [
  {
    // Idempotent per (case, deadline, level): a repeated run reminds nobody twice.
    id: 'cases.deadline-reminders',
    platforms: ['mediation'],
    everyMs: 15 * 60_000,
    leaseMs: 10 * 60_000,
    run: (deps) => sendDeadlineReminders(deps),
  },
  {
    // Loss runs whose process died are claimed run by run (their own lease, see run-lease.ts).
    id: 'loss.run-takeover',
    platforms: ['mediation'],
    everyMs: 60_000,
    leaseMs: 60_000,
    // A restarted instance takes over at once: claiming a run is safe however many instances look.
    holdMs: 0,
    run: (deps) => resumeInterruptedRuns(deps),
  },
  {
    // Committed audit records into the signed Merkle log; every few seconds so a head soon covers each record.
    id: 'audit.integrate',
    platforms: ['court', 'mediation'],
    everyMs: 2_000,
    leaseMs: 60_000,
    run: (deps) => integrateAuditLog(deps),
  },
];

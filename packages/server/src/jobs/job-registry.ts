import { integrateAuditLog } from '../use-cases/common/audit/integrate-audit-log.ts';
import { expireOverdueReferrals } from '../use-cases/court/expire-overdue-referrals.ts';
import { sendDeadlineReminders } from '../use-cases/mediation/cases/send-deadline-reminders.ts';
import { resumeInterruptedRuns } from '../use-cases/mediation/loss/resume-interrupted-runs.ts';
import { publishDirectory } from '../use-cases/docking/publish-directory.ts';
import { relayDue } from '../use-cases/docking/relay-outbox.ts';
import { sendReconciliation } from '../use-cases/docking/send-reconciliation.ts';
import { sendSurveyReminders } from '../use-cases/mediation/evaluation/send-survey-reminders.ts';
import { sendSessionReminders } from '../use-cases/mediation/sessions/send-session-reminders.ts';
import { finishAbandonedRecordings } from '../use-cases/mediation/sessions/recording/finish-abandoned-recordings.ts';
import { refreshOccurrences } from '../use-cases/mediation/statistics/refresh-occurrences.ts';
import { runConfirmationClock } from '../use-cases/mediation/confirmation/confirmation-clock.ts';
import { expireCourtPeriods } from '../use-cases/mediation/referrals/expire-court-periods.ts';
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
  {
    // The docking relay: every instance claims due messages with FOR UPDATE SKIP LOCKED, so no lease is needed and
    // instances add throughput. Frequent, so a message written by a transition leaves within about 100 ms.
    id: 'docking.relay',
    platforms: ['court', 'mediation'],
    everyMs: 100,
    leaseMs: 60_000,
    everyInstance: true,
    run: (deps) => relayDue(deps),
  },
  {
    // Idempotent per (case, side): each side of an ended mediation is asked once to answer the survey.
    id: 'evaluation.survey-reminders',
    platforms: ['mediation'],
    everyMs: 60 * 60_000,
    leaseMs: 10 * 60_000,
    run: (deps) => sendSurveyReminders(deps),
  },
  {
    // Once per session: its people are reminded within the hour before it starts.
    id: 'sessions.reminders',
    platforms: ['mediation'],
    everyMs: 5 * 60_000,
    leaseMs: 5 * 60_000,
    run: (deps) => sendSessionReminders(deps),
  },
  {
    // Recordings whose mediator's browser closed before finishing them: finished with what arrived, digest audited.
    id: 'sessions.recordings-finish',
    platforms: ['mediation'],
    everyMs: 5 * 60_000,
    leaseMs: 10 * 60_000,
    run: (deps) => finishAbandonedRecordings(deps),
  },
  {
    // The statistics' occurrences of cases changed since the last read (every read refreshes too, so this only keeps
    // reads short after bulk changes, and computes every case after the migration that created the table).
    id: 'statistics.occurrences',
    platforms: ['mediation'],
    everyMs: 30_000,
    leaseMs: 10 * 60_000,
    run: (deps) => refreshOccurrences(deps.db),
  },
  {
    // The public directory to every court platform, when it changed (and at start-up).
    id: 'docking.directory-sync',
    platforms: ['mediation'],
    everyMs: 5 * 60_000,
    leaseMs: 60_000,
    run: (deps) => publishDirectory(deps),
  },
  {
    // Each side's per-case summaries to the other, which records any divergence for an administrator.
    id: 'docking.reconcile',
    platforms: ['court', 'mediation'],
    everyMs: 10 * 60_000,
    leaseMs: 5 * 60_000,
    run: (deps) => sendReconciliation(deps),
  },
  {
    // Court referrals whose period ran out are closed as expired; the court gets the closing report.
    id: 'cases.court-period-expiry',
    platforms: ['mediation'],
    everyMs: 15 * 60_000,
    leaseMs: 10 * 60_000,
    run: (deps) => expireCourtPeriods(deps),
  },
  {
    // Court referrals past their mediation period are marked expired (to be filed, or back to trial).
    id: 'court.expire-referrals',
    platforms: ['court'],
    everyMs: 15 * 60_000,
    leaseMs: 10 * 60_000,
    run: (deps) => expireOverdueReferrals(deps),
  },
  {
    // Judicial confirmation's 30-day window: reminders on day 20 and 25; a half-made application lapses after it.
    id: 'confirmation.application-clock',
    platforms: ['mediation'],
    everyMs: 15 * 60_000,
    leaseMs: 10 * 60_000,
    run: (deps) => runConfirmationClock(deps),
  },
];

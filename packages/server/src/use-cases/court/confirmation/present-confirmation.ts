import { maskName } from '@sutiao/domain/masking.ts';
import type { CourtCaseRow } from '../court-case-access.ts';

export interface ConfirmationDetail {
  appliedAt: string;
  jointAt: string;
  routingBasis: string;
  routingReason: string;
  mediationCaseNumber: string;
  /** The court's own case the mediation came from (a delegation or entrustment), as the application names it. */
  referral: { caseRef: string; caseNumber: string | null } | null;
  statements: { side: 'investor' | 'respondent'; name: string; statement: string; appliedAt: string }[];
  agreement: {
    amountFen: number;
    terms: string;
    effectiveDate: string;
    verificationCode: string;
    pdfUrl: string;
    sha256: string;
  };
  judgeName: string | null;
  supplement: { of: string; questions: string; dueDate: string | null } | null;
  extendedBy: string | null;
  ruling: { decision: string; groundCode: string | null; reason: string | null } | null;
}

/** What a confirmation case adds to the court case page: the application as received and the review so far. */
export function presentConfirmation(row: CourtCaseRow): ConfirmationDetail | null {
  const app = row.application;
  if (!app) return null;
  const first = app.applicants.reduce((a, b) => (a.appliedAt <= b.appliedAt ? a : b));
  return {
    appliedAt: first.appliedAt,
    jointAt: app.jointAt,
    routingBasis: app.routingBasis,
    routingReason: app.routingReason,
    mediationCaseNumber: app.mediationCaseNumber,
    referral: app.referral,
    statements: app.applicants.map((a) => ({
      side: a.side,
      name: a.kind === 'organization' ? a.name : maskName(a.name),
      statement: a.statement,
      appliedAt: a.appliedAt,
    })),
    agreement: {
      amountFen: app.agreement.amountFen,
      terms: app.agreement.terms,
      effectiveDate: app.agreement.effectiveDate,
      verificationCode: app.agreement.verificationCode,
      sha256: app.agreement.attachment.sha256,
      pdfUrl: `/api/docking/cases/${encodeURIComponent(row.link_ref ?? '')}/attachments/${app.agreement.attachment.sha256}`,
    },
    judgeName: row.judge_name,
    supplement: row.supplement_of
      ? { of: row.supplement_of, questions: row.supplement_questions ?? '', dueDate: row.supplement_due_date }
      : null,
    extendedBy: row.review_extended_by,
    ruling: row.ruling,
  };
}

import type { Selectable } from 'kysely';
import type { LossResultsTable } from '../../../adapters/db/loss-schema.ts';
import { maskName } from '@sutiao/domain/masking.ts';

export interface InvestorResultView {
  assessmentId: string;
  investorId: string;
  /** Masked in lists (DESIGN §3, personal data). */
  name: string | null;
  eligible: boolean;
  reason: string;
  /** LOSS-SPEC §3 columns as exact decimal strings. */
  row: Record<string, string>;
  explanation?: Record<string, unknown>;
}

type ResultRow = Selectable<LossResultsTable> & { name?: string | null };

export function presentResult(r: ResultRow, withExplanation: boolean): InvestorResultView {
  return {
    assessmentId: r.assessment_id,
    investorId: r.investor_id,
    name: r.name ? maskName(r.name) : null,
    eligible: r.eligible,
    reason: r.reason,
    row: r.row,
    ...(withExplanation ? { explanation: r.explanation } : {}),
  };
}

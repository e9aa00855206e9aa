/**
 * Types of the loss-assessment API (server: use-cases/mediation/loss, LOSS-SPEC.md), taken from the generated
 * `generated/openapi.ts` — except the parameters' form model: on the wire `params` is an open object (the engine
 * validates it and an invalid one comes back unchanged), so its fields are typed here, where the form edits them.
 */
import type { LossEvent, LossState } from '@sutiao/domain/lifecycles/loss-assessment.ts';
import type { components } from './generated/openapi.ts';

type Schemas = components['schemas'];

export type LossStatus = LossState;
export type { LossEvent };
export type LossFileKind = 'trades' | 'market' | 'actions' | 'investors';

export interface LossSegment {
  implementationDate: string;
  disclosureDate: string;
  baseDate?: string | null;
  basePrice?: string | null;
}

/** LOSS-SPEC §1 parameters as the form edits them (decimals as strings, so nothing is rounded). */
export interface LossParams {
  ruleVersion?: '2022' | '2003';
  direction?: 'inflation' | 'deflation';
  segments?: LossSegment[];
  buyAverage?: 'mwa' | 'actual-cost' | 'weighted-buys' | 'fifo';
  eligibleChannels?: string[];
  commissionRate?: string | null;
  stampDutyRate?: string | null;
  interestRate?: string | null;
  systemicRisk?:
    | { method: 'none' }
    | { method: 'ratio'; ratio: string }
    | { method: 'index'; indices: string[] };
  averagePriceDecimals?: number | null;
  security?: string | null;
}

/** A located problem; stored ones (a run's failure, an investor's) may lack the location or name the investor. */
export type LossProblem = Schemas['LossStoredProblem'] & Partial<Schemas['LossProblem']>;
export type LossAssessmentSummary = Schemas['LossAssessmentSummary'];
export type LossAssessment = Schemas['LossAssessment'];
export type LossProgress = Schemas['LossProgress'];
export type ExplainedTrade = Schemas['ExplainedTrade'];
export type LossResult = Schemas['LossResult'];
export type MyLossResult = Schemas['MyLossResult'];
export type BaseDateSuggestion = Schemas['BaseDateSuggestion'];

export type UploadOutcome =
  | { ok: true; assessment: LossAssessment }
  | { ok: false; problems: LossProblem[]; message: string };

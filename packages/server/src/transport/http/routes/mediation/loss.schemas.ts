import { Type } from '@sinclair/typebox';
import { INPUT_LIMITS, PAGE_LIMITS } from '@sutiao/domain/input-limits.ts';
import { LOSS_EVENTS, LOSS_STATES } from '@sutiao/domain/lifecycles/loss-assessment.ts';
import { component, Id, IsoDate, Nullable, StoredJson } from '../common/shared.schemas.ts';

const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));
const LossStatus = oneOf(LOSS_STATES);
const FileKind = oneOf(['trades', 'market', 'actions', 'investors'] as const);
/**
 * LOSS-SPEC §1 parameters exactly as saved: validated by the engine (`paramProblems`), so any object is accepted
 * and an invalid one comes back unchanged for the analyst to correct.
 */
const Params = Type.Unsafe<Record<string, unknown>>({
  type: 'object',
  additionalProperties: true,
  description: 'LOSS-SPEC §1 parameters as saved (ruleVersion, direction, segments, buyAverage, rates…)',
});

export const FileParams = Type.Object({ id: Id, kind: FileKind });
export const InvestorParams = Type.Object({
  id: Id,
  investorId: Type.String({ minLength: 1, maxLength: INPUT_LIMITS.lossInvestorId }),
});
export const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });

export const CreateBody = Type.Object(
  {
    caseNumber: Type.String({ minLength: 1, maxLength: INPUT_LIMITS.lossCaseNumber }),
    courtOrgId: Id,
    entrustedOn: IsoDate,
    params: Type.Optional(Params),
  },
  { additionalProperties: false },
);
export const ParamsBody = Type.Object(
  { expectedVersion: Type.Integer({ minimum: 1 }), params: Params },
  { additionalProperties: false },
);
export const SuggestBody = Type.Object(
  {
    disclosureDate: IsoDate,
    ruleVersion: Type.Optional(Type.Union([Type.Literal('2022'), Type.Literal('2003')])),
  },
  { additionalProperties: false },
);
export const ListQuery = Type.Object({
  status: Type.Optional(LossStatus),
  q: Type.Optional(Type.String({ maxLength: INPUT_LIMITS.lossCaseNumber })),
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_LIMITS.loss })),
});
export const ResultsQuery = Type.Object({
  investorId: Type.Optional(Type.String({ maxLength: INPUT_LIMITS.lossInvestorId })),
  withLoss: Type.Optional(Type.Boolean()),
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_LIMITS.loss })),
});

/** A problem in an upload or the parameters, located as precisely as the engine knows. */
export const Problem = component(
  'LossProblem',
  Type.Object({
    code: Type.String(),
    file: Nullable(Type.String()),
    line: Nullable(Type.Integer()),
    column: Nullable(Type.Integer()),
    columnName: Nullable(Type.String()),
    zh: Type.String(),
    en: Type.String(),
  }),
);
/** A stored problem: a run's failure (INTERNAL has no location) or one investor's (with investorId). */
const StoredProblem = component(
  'LossStoredProblem',
  StoredJson(
    Type.Object({
      code: Type.String(),
      file: Type.Optional(Nullable(Type.String())),
      line: Type.Optional(Nullable(Type.Integer())),
      column: Type.Optional(Nullable(Type.Integer())),
      columnName: Type.Optional(Nullable(Type.String())),
      zh: Type.String(),
      en: Type.String(),
      investorId: Type.Optional(Type.String()),
    }),
  ),
);

/** 422 of an upload: LOSS_INPUT_INVALID carries every problem; other 422s (e.g. GUARD_FAILED) only code and message. */
export const ProblemsBody = Type.Object({
  code: Type.String(),
  message: Type.String(),
  problems: Type.Optional(Type.Array(Problem)),
});

const RunSummary = Type.Object({
  investors: Type.Integer(),
  inRange: Type.Integer(),
  eligible: Type.Integer(),
  withLoss: Type.Integer(),
  zeroLoss: Type.Integer(),
  errors: Type.Integer(),
  totals: Type.Object({
    L: Type.String(),
    L_deducted: Type.String(),
    commission: Type.String(),
    stamp_duty: Type.String(),
    interest: Type.String(),
    total: Type.String(),
  }),
  problems: Type.Optional(Type.Array(StoredProblem, { description: 'The first 200 investors in error' })),
});

const AssessmentSummaryFields = Type.Object({
  id: Type.String(),
  caseNumber: Type.String(),
  courtOrgId: Type.String(),
  courtName: Type.String(),
  entrustedOn: Type.String(),
  status: LossStatus,
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const AssessmentList = Type.Object({
  items: Type.Array(component('LossAssessmentSummary', AssessmentSummaryFields)),
  total: Type.Integer(),
});

export const AssessmentDetail = component(
  'LossAssessment',
  Type.Composite([
    AssessmentSummaryFields,
    Type.Object({
      params: Params,
      paramProblems: Type.Array(Problem),
      files: Type.Array(
        Type.Object({
          kind: Type.String(),
          name: Type.String(),
          sha256: Type.String(),
          sm3: Type.String(),
          size: Type.Integer(),
          rows: Type.Integer(),
          uploadedAt: Type.String(),
        }),
      ),
      progress: Type.Object({ done: Type.Integer(), total: Type.Integer() }),
      runError: Nullable(StoredProblem),
      summary: Nullable(StoredJson(RunSummary)),
      report: Nullable(
        Type.Object({ verificationCode: Type.String(), issuedAt: Type.String(), digestSm3: Type.String() }),
      ),
      abilities: Type.Array(oneOf(LOSS_EVENTS), { description: 'Events the current user may fire now' }),
    }),
  ]),
);

export const AssessmentProgress = component(
  'LossProgress',
  Type.Object({
    status: LossStatus,
    done: Type.Integer(),
    total: Type.Integer(),
    percent: Type.Integer({ description: '0–100' }),
    runError: Nullable(StoredProblem),
  }),
);

export const EntrustingCourts = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), code: Nullable(Type.String()) })),
});

export const BaseDateSuggestion = component(
  'BaseDateSuggestion',
  Type.Object({
    baseDate: Type.String(),
    basePrice: Type.String({ description: 'Mean close, exact when it terminates within 12 places' }),
    basePriceRounded: Type.String({ description: 'Half-up to 0.01 yuan' }),
    tradingDays: Type.Integer(),
    turnoverReachedOn: Nullable(Type.Integer()),
  }),
);

const ExplainedTrade = component(
  'ExplainedTrade',
  Type.Object({
    line: Type.Integer(),
    account: Type.String(),
    segment: Type.Integer(),
    window: Type.String(),
    used: Type.Boolean(),
    code: Type.String(),
    zh: Type.String(),
    en: Type.String(),
    tradeDate: Nullable(Type.String()),
    side: Nullable(Type.Union([Type.Literal('B'), Type.Literal('S')])),
    channel: Nullable(Type.String()),
    quantity: Nullable(Type.String()),
    price: Nullable(Type.String()),
  }),
);

const Explanation = Type.Object({
  reason: Type.String(),
  reasonZh: Type.String(),
  reasonEn: Type.String(),
  inRange: Type.Boolean(),
  eligible: Type.Boolean(),
  segments: Type.Array(StoredJson(Type.Object({})), { description: 'LOSS-SPEC §3 figures per segment' }),
  trades: Type.Array(ExplainedTrade),
});

const resultFields = {
  assessmentId: Type.String(),
  investorId: Type.String(),
  name: Nullable(Type.String({ description: 'Masked in lists; the investor’s own results in full' })),
  eligible: Type.Boolean(),
  reason: Type.String(),
  row: Type.Record(Type.String(), Type.String(), { description: 'LOSS-SPEC §3 columns, exact decimals' }),
  explanation: Type.Optional(StoredJson(Explanation)),
};

export const InvestorResult = component('LossResult', Type.Object(resultFields));

export const ResultPage = Type.Object({
  items: Type.Array(InvestorResult),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const MyLossResults = Type.Array(
  component(
    'MyLossResult',
    Type.Object({
      ...resultFields,
      caseNumber: Type.String(),
      courtName: Type.String(),
      issuedAt: Type.String(),
      verificationCode: Type.String(),
    }),
  ),
);

export const ReportVerification = component(
  'LossReportVerification',
  Type.Object({
    valid: Type.Boolean(),
    checks: Type.Object({ content: Type.Boolean(), signature: Type.Boolean(), results: Type.Boolean() }),
    caseNumber: Type.String(),
    courtName: Type.String(),
    organization: Type.String(),
    issuedAt: Type.String(),
    investors: Type.Integer(),
    totalAmount: Type.String(),
    digestSm3: Type.String(),
    algorithm: Type.String(),
    keyId: Type.String(),
  }),
);

import { type Static, Type } from '@sinclair/typebox';

const Date10 = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
/** LOSS-SPEC §1 parameters: validated by the engine (validateParams), so any object is accepted here. */
const Params = Type.Record(Type.String(), Type.Unknown());

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const FileParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  kind: Type.Union([
    Type.Literal('trades'),
    Type.Literal('market'),
    Type.Literal('actions'),
    Type.Literal('investors'),
  ]),
});
export const InvestorParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  investorId: Type.String({ minLength: 1, maxLength: 200 }),
});
export const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });

export const CreateBody = Type.Object(
  {
    caseNumber: Type.String({ minLength: 1, maxLength: 60 }),
    courtOrgId: Type.String({ minLength: 1, maxLength: 64 }),
    entrustedOn: Date10,
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
    disclosureDate: Date10,
    ruleVersion: Type.Optional(Type.Union([Type.Literal('2022'), Type.Literal('2003')])),
  },
  { additionalProperties: false },
);
export const ListQuery = Type.Object({
  status: Type.Optional(
    Type.Union([
      Type.Literal('draft'),
      Type.Literal('data_ready'),
      Type.Literal('calculating'),
      Type.Literal('calculated'),
      Type.Literal('issued'),
    ]),
  ),
  q: Type.Optional(Type.String({ maxLength: 60 })),
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export const ResultsQuery = Type.Object({
  investorId: Type.Optional(Type.String({ maxLength: 200 })),
  withLoss: Type.Optional(Type.Boolean()),
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});

export const Problem = Type.Object({
  code: Type.String(),
  file: Type.Union([Type.String(), Type.Null()]),
  line: Type.Union([Type.Integer(), Type.Null()]),
  column: Type.Union([Type.Integer(), Type.Null()]),
  columnName: Type.Union([Type.String(), Type.Null()]),
  zh: Type.String(),
  en: Type.String(),
});
export const ProblemsBody = Type.Object({
  code: Type.Literal('LOSS_INPUT_INVALID'),
  message: Type.String(),
  problems: Type.Array(Problem),
});

export type CreateBodyT = Static<typeof CreateBody>;
export type ParamsBodyT = Static<typeof ParamsBody>;
export type SuggestBodyT = Static<typeof SuggestBody>;
export type ListQueryT = Static<typeof ListQuery>;
export type ResultsQueryT = Static<typeof ResultsQuery>;
export type FileParamsT = Static<typeof FileParams>;
export type InvestorParamsT = Static<typeof InvestorParams>;

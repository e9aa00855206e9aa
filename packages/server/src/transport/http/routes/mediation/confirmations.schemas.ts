import { Type } from '@sinclair/typebox';
import { component, ExpectedVersion, Id, Nullable } from '../common/shared.schemas.ts';

const Note = Type.String({ maxLength: 2000 });
const Side = Type.Union([Type.Literal('investor'), Type.Literal('respondent')]);
const Problem = Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() });
const Attachment = Type.Object({
  name: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  sm3: Type.String(),
  role: Type.String(),
});

const Application = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  status: Type.String(),
  closed: Type.Boolean(),
  appliedBy: Side,
  court: Type.Object({ id: Type.String(), name: Type.String(), code: Type.String() }),
  routingBasis: Type.String(),
  routingReason: Type.String(),
  effectiveDate: Type.String(),
  windowLastDay: Type.String(),
  statements: Type.Array(Type.Object({ side: Side, text: Type.String(), at: Type.String() })),
  courtCaseNumber: Nullable(Type.String({ description: 'The 民特 number on acceptance' })),
  rulingDueDate: Nullable(Type.String()),
  supplement: Nullable(
    Type.Object({ of: Type.String(), questions: Type.String(), dueDate: Nullable(Type.String()) }),
  ),
  decision: Nullable(Type.String()),
  groundCode: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
  outcomeNote: Nullable(Type.String()),
  ruling: Nullable(
    Type.Object({
      verificationCode: Nullable(Type.String()),
      document: Attachment,
      pdfUrl: Type.String(),
      verifyUrl: Nullable(Type.String({ description: "The court platform's public verification page" })),
    }),
  ),
  nextDeadline: Nullable(Type.Object({ kind: Type.String(), dueDate: Type.String() })),
  timeline: Type.Array(
    Type.Object({
      event: Type.String(),
      fromStatus: Nullable(Type.String()),
      toStatus: Type.String(),
      actorName: Type.String(),
      at: Type.String(),
      note: Nullable(Type.String()),
    }),
  ),
  abilities: Type.Array(Type.String()),
  createdAt: Type.String(),
});

export const CaseConfirmation = component(
  'CaseConfirmation',
  Type.Object({
    caseId: Type.String(),
    viewerSide: Nullable(Side),
    effectiveDate: Nullable(Type.String()),
    window: Nullable(Type.Object({ open: Type.Boolean(), lastDay: Type.String(), daysLeft: Type.Integer() })),
    courts: Type.Array(
      Type.Object({
        courtId: Type.String(),
        courtName: Type.String(),
        courtCode: Type.String(),
        basis: Type.String(),
        reason: Type.Object({ zh: Type.String(), en: Type.String() }),
      }),
    ),
    problems: Type.Array(Problem),
    canApply: Type.Boolean(),
    applications: Type.Array(component('ConfirmationApplication', Application)),
  }),
);

export const ApplyBody = Type.Object(
  { courtId: Id, statement: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

export const PARTY_EVENTS = ['co-confirm', 'co-decline', 'withdraw', 'answer-supplement'] as const;

export const ApplicationEventBody = Type.Object(
  { ...ExpectedVersion, note: Type.Optional(Nullable(Note)) },
  { additionalProperties: false },
);

import { type TProperties, Type } from '@sinclair/typebox';
import { INPUT_LIMITS, PAGE_LIMITS } from '@sutiao/domain/input-limits.ts';
import {
  FAILURE_REASONS,
  REFUSAL_REASONS,
  TRACKS,
} from '@sutiao/domain/lifecycles/direct-application-codes.ts';
import { component, ExpectedVersion, Fen, Id, Nullable, Text } from '../common/shared.schemas.ts';
import { AgreementView } from './agreements.schemas.ts';

const Deadline = Type.Object({ kind: Type.String(), dueDate: Type.String() });

const CaseSummaryFields = Type.Object({
  id: Type.String(),
  caseNumber: Nullable(Type.String()),
  status: Type.String(),
  track: Nullable(Type.String()),
  applicantName: Type.String({ description: 'Masked, e.g. 张*' }),
  respondentName: Type.String(),
  organizationName: Type.String(),
  claimAmountFen: Type.Integer({ description: 'Integer fen' }),
  nextDeadline: Nullable(Deadline),
  updatedAt: Type.String(),
  source: Type.Union([Type.Literal('direct'), Type.Literal('delegated'), Type.Literal('entrusted')]),
  court: Nullable(
    Type.Object({
      name: Type.String(),
      caseNumber: Nullable(Type.String()),
      caseRef: Type.String({ description: 'The case reference both platforms key the case by' }),
      periodEnds: Nullable(
        Type.String({ description: "Last day of the court's mediation period (YYYY-MM-DD)" }),
      ),
    }),
  ),
});

export const CaseList = component(
  'CaseList',
  Type.Object({
    items: Type.Array(component('CaseSummary', CaseSummaryFields)),
    total: Type.Integer({
      description: 'Exact up to 10,000 (or the end of the requested page); a lower bound when capped',
    }),
    totalCapped: Type.Boolean({
      description: 'true when counting stopped at the cap: there are more than `total`',
    }),
  }),
);

export const CaseMessage = component(
  'CaseMessage',
  Type.Object({
    id: Type.String(),
    body: Type.String(),
    authorName: Type.String(),
    authorRole: Type.String(),
    createdAt: Type.String(),
    sessionId: Nullable(Type.String()),
    room: Nullable(Type.String()),
  }),
);

export const RecordEntry = component(
  'RecordEntry',
  Type.Object({
    id: Type.String(),
    body: Type.String(),
    authorName: Type.String(),
    createdAt: Type.String(),
  }),
);

const MediatorChoice = Type.Object({ id: Type.String(), displayName: Type.String() });

export const CaseDetail = component(
  'CaseDetail',
  Type.Composite([
    CaseSummaryFields,
    Type.Object({
      version: Type.Integer(),
      respondentOrgId: Nullable(
        Type.String({ description: 'The respondent firm (a draft is edited with it)' }),
      ),
      facts: Type.String(),
      requests: Type.String(),
      evidence: Type.Array(
        Type.Object({
          id: Type.String(),
          name: Type.String(),
          size: Type.Integer(),
          mime: Type.String(),
          sha256: Type.String(),
          url: Type.String(),
          uploadedAt: Type.String(),
        }),
      ),
      mediator: Nullable(
        Type.Object({
          id: Type.String(),
          displayName: Type.String(),
          organizationName: Nullable(Type.String()),
        }),
      ),
      timeline: Type.Array(
        Type.Object({
          event: Type.String(),
          fromStatus: Nullable(Type.String()),
          toStatus: Type.String(),
          actorName: Type.String(),
          actorRole: Nullable(Type.String()),
          at: Type.String(),
          note: Nullable(Type.String()),
        }),
      ),
      abilities: Type.Array(Type.String(), { description: 'Events the current user may fire now' }),
      canPostMessage: Type.Boolean({ description: 'A party on an open case: the message form is offered' }),
      refusalReasons: Type.Array(Type.String(), {
        description:
          'Refusal reason codes the law allows now (证券法 art. 94, 期货和衍生品法); empty unless refuse is an ability',
      }),
      mediatorChoices: Type.Object({
        investor: Nullable(MediatorChoice),
        respondent: Nullable(MediatorChoice),
      }),
      agreement: Nullable(AgreementView),
      messages: Type.Array(CaseMessage),
      record: Type.Array(RecordEntry),
      supplementRequest: Nullable(Type.String()),
      respondentReply: Nullable(Type.String()),
      notAcceptedReason: Nullable(Type.String({ description: 'Refusal reason code' })),
      notAcceptedNote: Nullable(Type.String()),
      failureReason: Nullable(Type.String({ description: 'Failure reason code' })),
      undisputedFacts: Nullable(Type.String()),
      closingReason: Nullable(Type.String()),
    }),
  ]),
);

export const CreateCaseBody = Type.Object(
  {
    respondentOrgId: Id,
    claimAmountFen: Fen,
    // May be empty in a draft; submitting needs both (the use case says which is missing, in words).
    facts: Type.String({ maxLength: INPUT_LIMITS.facts }),
    requests: Type.String({ maxLength: INPUT_LIMITS.requests }),
    evidenceIds: Type.Array(Id, { maxItems: INPUT_LIMITS.evidenceFiles }),
    consents: Type.Array(
      Type.Object(
        {
          kind: Type.String({ maxLength: INPUT_LIMITS.consentKind }),
          version: Type.String({ maxLength: INPUT_LIMITS.consentVersion }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 10 },
    ),
    submit: Type.Boolean(),
  },
  { additionalProperties: false },
);

/** POST /api/cases/:id/draft: the whole application again, as last read (`expectedVersion`). */
export const UpdateDraftBody = Type.Composite(
  [Type.Omit(CreateCaseBody, ['submit']), Type.Object(ExpectedVersion)],
  { additionalProperties: false },
);

export const ListCasesQuery = Type.Object(
  {
    status: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_LIMITS.cases })),
  },
  { additionalProperties: false },
);

const oneOf = (values: readonly string[]) => Type.Union(values.map((value) => Type.Literal(value)));
const body = <P extends TProperties>(props: P) =>
  Type.Object({ ...ExpectedVersion, ...props }, { additionalProperties: false });

/** Bodies of POST /api/cases/:id/{event} (docs/journey-api.md), each with `expectedVersion`. */
export const EventBodies = {
  submit: body({}),
  'request-supplement': body({ note: Text(INPUT_LIMITS.note) }),
  supplement: body({
    facts: Type.Optional(Text(INPUT_LIMITS.facts)),
    evidenceIds: Type.Optional(Type.Array(Id, { maxItems: INPUT_LIMITS.evidenceFiles })),
  }),
  register: body({}),
  'consult-respondent': body({}),
  'respondent-reply': body({
    willing: Type.Boolean(),
    note: Type.Optional(Type.String({ maxLength: INPUT_LIMITS.note })),
  }),
  accept: body({}),
  refuse: body({ reasonCode: oneOf(Object.keys(REFUSAL_REASONS)), note: Text(INPUT_LIMITS.note) }),
  'set-track': body({ track: oneOf(TRACKS) }),
  'assign-mediator': body({ mediatorId: Id }),
  'choose-mediator': body({ mediatorId: Id }),
  recuse: body({ reason: Text(INPUT_LIMITS.note) }),
  fail: body({
    reasonCode: oneOf(Object.keys(FAILURE_REASONS)),
    undisputedFacts: Type.Optional(Type.String({ maxLength: INPUT_LIMITS.undisputedFacts })),
  }),
  withdraw: body({ reason: Type.Optional(Type.String({ maxLength: INPUT_LIMITS.note })) }),
  terminate: body({ reason: Text(INPUT_LIMITS.note) }),
} as const;

export const PostBody = Type.Object({ body: Text(INPUT_LIMITS.message) }, { additionalProperties: false });

export const RevealedApplicant = component(
  'RevealedApplicant',
  Type.Object({
    name: Type.String(),
    idNumber: Nullable(Type.String()),
    phone: Nullable(Type.String()),
  }),
);

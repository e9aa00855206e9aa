import { type TProperties, Type } from '@sinclair/typebox';
import { COURT_LIMITS, PROCEDURES } from '@sutiao/domain/lifecycles/court-referral.ts';
import { MAX_AMOUNT_FEN } from '@sutiao/domain/money.ts';
import { component, ExpectedVersion, Id, Nullable } from '../common/shared.schemas.ts';

const Note = Type.String({ maxLength: COURT_LIMITS.note });
const Deadline = Type.Object({ kind: Type.String(), dueDate: Type.String(), overdue: Type.Boolean() });
const Procedure = Type.Union(Object.keys(PROCEDURES).map((p) => Type.Literal(p as 'ordinary' | 'summary')));
const Kind = Type.Union([
  Type.Literal('delegation'),
  Type.Literal('entrustment'),
  Type.Literal('confirmation'),
]);
const Side = Type.Union([Type.Literal('investor'), Type.Literal('respondent')]);
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const GroundCode = Type.String({ minLength: 1, maxLength: 64 });
const Linked = Nullable(Type.Object({ id: Type.String(), kind: Type.String(), status: Type.String() }));

const SummaryFields = Type.Object({
  id: Type.String(),
  kind: Kind,
  status: Type.String(),
  closed: Type.Boolean(),
  preFilingNumber: Nullable(Type.String()),
  filingNumber: Nullable(Type.String()),
  procedure: Nullable(Procedure),
  plaintiffs: Type.String({ description: 'People masked, e.g. 张*' }),
  defendants: Type.String(),
  organizationName: Nullable(Type.String()),
  claimAmountFen: Type.Integer({ description: 'Integer fen' }),
  nextDeadline: Nullable(Deadline),
  updatedAt: Type.String(),
});

export const CourtCaseList = component(
  'CourtCaseList',
  Type.Object({
    items: Type.Array(component('CourtCaseSummary', SummaryFields)),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  }),
);

export const CourtCaseDetail = component(
  'CourtCaseDetail',
  Type.Composite([
    SummaryFields,
    Type.Object({
      version: Type.Integer(),
      courtId: Type.String(),
      claims: Type.String(),
      facts: Type.String(),
      parties: Type.Array(
        Type.Object({
          kind: Type.Union([Type.Literal('person'), Type.Literal('organization')]),
          role: Type.Union([
            Type.Literal('plaintiff'),
            Type.Literal('defendant'),
            Type.Literal('third-party'),
            Type.Literal('applicant'),
          ]),
          name: Type.String({ description: 'Masked for people' }),
          idNumberMasked: Type.String({ description: 'First and last character kept' }),
          phoneMasked: Nullable(Type.String()),
          address: Nullable(Type.String({ description: 'Organizations only' })),
        }),
      ),
      organizationId: Nullable(Type.String()),
      mediatorName: Nullable(Type.String()),
      organizationCaseNumber: Nullable(Type.String()),
      consentNote: Nullable(Type.String()),
      consentRecordedAt: Nullable(Type.String()),
      extensionDays: Type.Integer(),
      daysExcludedFromTrialPeriod: Type.Integer({ description: 'Consented extensions of an entrustment' }),
      outcomeNote: Nullable(Type.String()),
      closingReport: Nullable(
        Type.Object({
          result: Type.String(),
          reasonCode: Nullable(Type.String()),
          closedAt: Type.String(),
          undisputedFacts: Nullable(Type.String()),
          agreement: Nullable(
            Type.Object({
              amountFen: Type.Integer(),
              terms: Type.String(),
              effectiveAt: Type.String(),
              verificationCode: Type.String(),
            }),
          ),
        }),
      ),
      undisputedFacts: Nullable(Type.String()),
      origin: Linked,
      continuation: Linked,
      documents: Type.Array(
        Type.Object({
          id: Type.String(),
          caseNumber: Type.String(),
          verificationCode: Type.String(),
          issuedAt: Type.String(),
          pdfUrl: Type.String(),
        }),
      ),
      linkRef: Nullable(
        Type.String({
          description: 'caseRef of the docking link (GET /api/docking/cases/:caseRef/messages)',
        }),
      ),
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
      abilities: Type.Array(Type.String(), { description: 'Events the current user may fire now' }),
      confirmation: Nullable(
        Type.Object(
          {
            appliedAt: Type.String(),
            jointAt: Type.String(),
            routingBasis: Type.String(),
            routingReason: Type.String(),
            mediationCaseNumber: Type.String(),
            referral: Nullable(Type.Object({ caseRef: Type.String(), caseNumber: Nullable(Type.String()) })),
            statements: Type.Array(
              Type.Object({
                side: Side,
                name: Type.String({ description: 'Masked for people' }),
                statement: Type.String(),
                appliedAt: Type.String(),
              }),
            ),
            agreement: Type.Object({
              amountFen: Type.Integer(),
              terms: Type.String(),
              effectiveDate: Type.String(),
              verificationCode: Type.String(),
              pdfUrl: Type.String(),
              sha256: Type.String(),
            }),
            judgeName: Nullable(Type.String()),
            supplement: Nullable(
              Type.Object({ of: Type.String(), questions: Type.String(), dueDate: Nullable(Type.String()) }),
            ),
            extendedBy: Nullable(
              Type.String({ description: "The president who approved the review's extension" }),
            ),
            ruling: Nullable(
              Type.Object({
                decision: Type.String(),
                groundCode: Nullable(Type.String()),
                reason: Nullable(Type.String()),
              }),
            ),
          },
          { description: 'A judicial confirmation case (kind confirmation): the application and the review' },
        ),
      ),
      createdAt: Type.String(),
    }),
  ]),
);

export const ListCourtCasesQuery = Type.Object({
  kind: Type.Optional(Kind),
  status: Type.Optional(Type.String({ maxLength: 40 })),
  organizationId: Type.Optional(Id),
  deadline: Type.Optional(Type.Union([Type.Literal('due-soon'), Type.Literal('overdue')])),
  q: Type.Optional(Type.String({ maxLength: 64 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});

/** Parties and claims may be empty here: the use case answers COURT_PARTIES_MISSING / COURT_CLAIMS_MISSING. */
export const EnterComplaintBody = Type.Object(
  {
    parties: Type.Array(
      Type.Object(
        {
          kind: Type.Union([Type.Literal('person'), Type.Literal('organization')]),
          role: Type.Union([
            Type.Literal('plaintiff'),
            Type.Literal('defendant'),
            Type.Literal('third-party'),
          ]),
          name: Type.String({ maxLength: COURT_LIMITS.partyName }),
          idNumber: Type.String({ maxLength: COURT_LIMITS.idNumber }),
          phone: Type.Optional(Nullable(Type.String({ maxLength: COURT_LIMITS.phone }))),
          address: Type.Optional(Nullable(Type.String({ maxLength: COURT_LIMITS.address }))),
        },
        { additionalProperties: false },
      ),
      { maxItems: COURT_LIMITS.parties },
    ),
    claims: Type.String({ maxLength: COURT_LIMITS.claims }),
    claimAmountFen: Type.Integer({ minimum: 0, maximum: MAX_AMOUNT_FEN, description: 'Integer fen' }),
    facts: Type.String({ minLength: 1, maxLength: COURT_LIMITS.facts }),
  },
  { additionalProperties: false },
);

const Versioned = <P extends TProperties>(fields: P) =>
  Type.Object({ ...ExpectedVersion, ...fields }, { additionalProperties: false });

/** The bodies of POST /api/court/cases/:id/<event>. */
export const CourtEventBodies = {
  'record-consent': Versioned({ note: Note }),
  'record-refusal': Versioned({ note: Note }),
  delegate: Versioned({ organizationId: Id, mediatorId: Type.Optional(Nullable(Id)) }),
  entrust: Versioned({ organizationId: Id, mediatorId: Type.Optional(Nullable(Id)), procedure: Procedure }),
  extend: Versioned({ days: Type.Integer({ minimum: 1, maximum: 30 }), note: Note }),
  withdraw: Versioned({ note: Note }),
  recall: Versioned({ note: Note }),
  file: Versioned({
    undisputedFacts: Type.Optional(Nullable(Type.String({ maxLength: COURT_LIMITS.facts }))),
  }),
  'refer-confirmation': Versioned({ note: Type.Optional(Nullable(Note)) }),
  'issue-document': Versioned({
    terms: Type.Optional(Nullable(Type.String({ maxLength: COURT_LIMITS.facts }))),
  }),
  'record-withdrawal': Versioned({ note: Note }),
  'resume-trial': Versioned({ note: Type.Optional(Nullable(Note)) }),
  // Judicial confirmation (lifecycle D): the filing officer decides acceptance, the judge reviews and rules.
  accept: Versioned({}),
  refuse: Versioned({ groundCode: GroundCode, note: Type.Optional(Nullable(Note)) }),
  'assign-judge': Versioned({ judgeId: Id }),
  'request-supplement': Versioned({
    of: Type.Union([Side, Type.Literal('both')]),
    note: Note,
    dueDate: IsoDate,
  }),
  'record-inquiry': Versioned({ note: Note }),
  'extend-review': Versioned({ note: Note, approvedBy: Type.String({ maxLength: 100 }) }),
  'supplement-lapsed': Versioned({ note: Type.Optional(Nullable(Note)) }),
  confirm: Versioned({ note: Type.Optional(Nullable(Note)) }),
  reject: Versioned({ groundCode: GroundCode, note: Type.Optional(Nullable(Note)) }),
} as const;

export const CourtJudges = component(
  'CourtJudges',
  Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }),
);

export const CourtDashboard = component(
  'CourtDashboard',
  Type.Object({
    court: Type.Object({ id: Type.String(), name: Type.String(), code: Type.String() }),
    today: Type.String(),
    dueSoonDays: Type.Integer(),
    byState: Type.Array(Type.Object({ kind: Kind, status: Type.String(), count: Type.Integer() })),
    byOrganization: Type.Array(
      Type.Object({
        organizationId: Type.String(),
        organizationName: Type.String(),
        open: Type.Integer(),
        total: Type.Integer(),
      }),
    ),
    dueSoon: Type.Integer(),
    overdue: Type.Integer(),
  }),
);

export const CourtDirectory = component(
  'CourtDirectory',
  Type.Object({
    items: Type.Array(
      Type.Object({
        peerId: Type.String(),
        organizationId: Type.String(),
        name: Type.String(),
        region: Nullable(Type.String()),
        workstations: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
        mediators: Type.Array(
          Type.Object({ id: Type.String(), name: Type.String(), specialties: Type.Array(Type.String()) }),
        ),
        publishedAt: Type.String(),
      }),
    ),
  }),
);

export const CourtDocumentVerification = component(
  'CourtDocumentVerification',
  Type.Object({
    valid: Type.Boolean(),
    kind: Type.String({ description: 'mediation-document (民事调解书) or confirmation-ruling (民事裁定书)' }),
    checks: Type.Object({ content: Type.Boolean(), signature: Type.Boolean(), pdf: Type.Boolean() }),
    caseNumber: Type.String(),
    courtName: Type.String(),
    issuedAt: Type.String(),
    digestSm3: Type.String(),
    algorithm: Type.String(),
    keyId: Type.String(),
  }),
);

export const VerifyCodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }) });

import { type Static, type TSchema, Type } from '@sinclair/typebox';
import type { DockingMessageType } from './message-types.ts';

/**
 * The body of every docking message, one JSON schema each (TypeBox, so the same object validates at the receiver,
 * types both platforms' code and is printed into docs/docking-protocol.md). Bodies are closed
 * (`additionalProperties: false`): a field a receiver does not know is a different protocol version, not noise.
 */

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const OptionalText = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);
const IsoTime = Type.String({ format: 'date-time', maxLength: 40 });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Fen = Type.Integer({ minimum: 0, maximum: 1e15 });

/** A file that travels by hash: the receiver fetches it once from the sender's attachment endpoint. */
export const AttachmentSchema = Type.Object(
  {
    name: Text(200),
    mime: Type.Union([
      Type.Literal('application/pdf'),
      Type.Literal('image/png'),
      Type.Literal('image/jpeg'),
    ]),
    size: Type.Integer({ minimum: 1, maximum: 50 * 1024 * 1024 }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    sm3: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    /** What the file is: complaint (起诉状), evidence, agreement PDF, court document, identity proof, supplement. */
    role: Type.Union([
      Type.Literal('complaint'),
      Type.Literal('evidence'),
      Type.Literal('agreement'),
      Type.Literal('court-document'),
      Type.Literal('identity'),
      Type.Literal('supplement'),
    ]),
  },
  { additionalProperties: false },
);
export type Attachment = Static<typeof AttachmentSchema>;

/** A party named in a court case: a natural person by ID number, an organization by unified social credit code. */
export const CourtPartySchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('person'), Type.Literal('organization')]),
    role: Type.Union([Type.Literal('plaintiff'), Type.Literal('defendant'), Type.Literal('third-party')]),
    name: Text(100),
    /** 18-character resident ID number (person) or 18-character unified social credit code (organization). */
    idNumber: Type.String({ pattern: '^[0-9A-Z]{18}$' }),
    phone: OptionalText(20),
    address: OptionalText(200),
  },
  { additionalProperties: false },
);
export type CourtParty = Static<typeof CourtPartySchema>;

const CourtRef = Type.Object(
  { id: Text(64), name: Text(100), code: Text(16) },
  { additionalProperties: false },
);

/** What delegation and entrustment share: the case as the court sends it. */
const ReferralFields = {
  court: CourtRef,
  /** The receiving organization's id, from the synced directory. */
  organizationId: Text(64),
  /** A mediator the court suggests (from the public roster), or null to leave it to the organization. */
  mediatorId: Type.Union([Text(64), Type.Null()]),
  parties: Type.Array(CourtPartySchema, { minItems: 2, maxItems: 50 }),
  claims: Text(5000),
  claimAmountFen: Type.Integer({ minimum: 1, maximum: 1e15 }),
  facts: Text(20000),
  /** When the parties' consent to mediation was recorded at the court. */
  consentRecordedAt: IsoTime,
  /** The last day of the mediation period (Beijing date), counted by the court. */
  deadlineDate: IsoDate,
  attachments: Type.Array(AttachmentSchema, { maxItems: 50 }),
};

/** A party applying for judicial confirmation, as the mediation platform verified them (real-name sign-in). */
const ApplicantSchema = Type.Object(
  {
    side: Type.Union([Type.Literal('investor'), Type.Literal('respondent')]),
    kind: Type.Union([Type.Literal('person'), Type.Literal('organization')]),
    name: Text(100),
    idNumber: Type.String({ pattern: '^[0-9A-Z]{18}$' }),
    phone: OptionalText(20),
    /** When the party applied or confirmed the joint application on the platform. */
    appliedAt: IsoTime,
    /** The party's statement (声明): voluntary, true, not harming others; as the party signed it. */
    statement: Text(2000),
  },
  { additionalProperties: false },
);

const Side = Type.Union([Type.Literal('investor'), Type.Literal('respondent')]);

export const DOCKING_BODY_SCHEMAS = {
  'directory.sync': Type.Object(
    {
      publishedAt: IsoTime,
      organizations: Type.Array(
        Type.Object(
          {
            id: Text(64),
            name: Text(100),
            region: OptionalText(50),
            workstations: Type.Array(
              Type.Object({ id: Text(64), name: Text(100) }, { additionalProperties: false }),
              {
                maxItems: 200,
              },
            ),
            mediators: Type.Array(
              Type.Object(
                { id: Text(64), name: Text(100), specialties: Type.Array(Text(50), { maxItems: 20 }) },
                { additionalProperties: false },
              ),
              { maxItems: 5000 },
            ),
          },
          { additionalProperties: false },
        ),
        { maxItems: 1000 },
      ),
    },
    { additionalProperties: false },
  ),
  'case.delegate': Type.Object(
    { ...ReferralFields, preFilingNumber: Text(64) },
    { additionalProperties: false },
  ),
  'case.entrust': Type.Object(
    {
      ...ReferralFields,
      filingNumber: Text(64),
      procedure: Type.Union([Type.Literal('ordinary'), Type.Literal('summary')]),
    },
    { additionalProperties: false },
  ),
  'case.receipt': Type.Object(
    {
      receivedAt: IsoTime,
      /** The organization's own case number. */
      organizationCaseNumber: Text(64),
      organizationName: Text(100),
    },
    { additionalProperties: false },
  ),
  'case.decline': Type.Object(
    { declinedAt: IsoTime, reasonCode: Text(64), note: OptionalText(2000) },
    { additionalProperties: false },
  ),
  'case.extension': Type.Object(
    {
      /** Calendar days added to the mediation period, with the parties' consent. */
      days: Type.Integer({ minimum: 1, maximum: 30 }),
      newDeadlineDate: IsoDate,
      consentNote: Text(2000),
      consentRecordedAt: IsoTime,
    },
    { additionalProperties: false },
  ),
  'case.progress': Type.Object(
    {
      at: IsoTime,
      stage: Type.Union([
        Type.Literal('mediator-assigned'),
        Type.Literal('mediating'),
        Type.Literal('agreement-drafted'),
        Type.Literal('agreement-signed'),
      ]),
      mediatorName: OptionalText(100),
      note: OptionalText(2000),
    },
    { additionalProperties: false },
  ),
  'case.closing-report': Type.Object(
    {
      closedAt: IsoTime,
      result: Type.Union([
        Type.Literal('settled'),
        Type.Literal('failed'),
        Type.Literal('expired'),
        Type.Literal('withdrawn'),
      ]),
      /** Coded reason for anything but settled (failure codes of lifecycle A, or `expired`). */
      reasonCode: Type.Union([Text(64), Type.Null()]),
      /** 无争议事实记载: facts both parties accept, carried into the court's record. */
      undisputedFacts: OptionalText(20000),
      agreement: Type.Union([
        Type.Object(
          {
            amountFen: Fen,
            terms: Text(20000),
            effectiveAt: IsoTime,
            verificationCode: Text(64),
            attachment: AttachmentSchema,
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    },
    { additionalProperties: false },
  ),
  'case.withdrawal': Type.Object(
    { withdrawnAt: IsoTime, reason: Text(2000) },
    { additionalProperties: false },
  ),
  'case.filing-notice': Type.Object(
    {
      at: IsoTime,
      outcome: Type.Union([
        Type.Literal('filed'),
        Type.Literal('mediation-document'),
        Type.Literal('plaintiff-withdrew'),
        Type.Literal('trial-resumed'),
      ]),
      /** The court's new number: 民初 on filing, the 调解书's number, or the trial case's number. */
      caseNumber: Type.Union([Text(64), Type.Null()]),
      document: Type.Union([AttachmentSchema, Type.Null()]),
    },
    { additionalProperties: false },
  ),
  'confirmation.apply': Type.Object(
    {
      /** The court chosen, and why it is competent (民事诉讼法 第二百零五条). */
      court: CourtRef,
      routingBasis: Text(32),
      routingReason: Text(200),
      organization: Type.Object({ id: Text(64), name: Text(100) }, { additionalProperties: false }),
      /** The mediation case's number at the organization, and the court's own number when it referred the case. */
      mediationCaseNumber: Text(64),
      referral: Type.Union([
        Type.Object({ caseRef: Text(64), caseNumber: OptionalText(64) }, { additionalProperties: false }),
        Type.Null(),
      ]),
      applicants: Type.Array(ApplicantSchema, { minItems: 2, maxItems: 2 }),
      jointAt: IsoTime,
      agreement: Type.Object(
        {
          amountFen: Fen,
          terms: Text(20000),
          effectiveDate: IsoDate,
          verificationCode: Text(64),
          attachment: AttachmentSchema,
        },
        { additionalProperties: false },
      ),
      attachments: Type.Array(AttachmentSchema, { maxItems: 50 }),
    },
    { additionalProperties: false },
  ),
  'confirmation.acceptance': Type.Object(
    {
      at: IsoTime,
      outcome: Type.Union([Type.Literal('accepted'), Type.Literal('not-accepted')]),
      /** The 民特 number on acceptance. */
      caseNumber: Type.Union([Text(64), Type.Null()]),
      /** The non-acceptance ground's code (docs/docking-protocol.md), or null. */
      groundCode: Type.Union([Text(64), Type.Null()]),
      note: OptionalText(2000),
      /** The last day of the court's review (15 days from acceptance). */
      rulingDueDate: Type.Union([IsoDate, Type.Null()]),
    },
    { additionalProperties: false },
  ),
  'confirmation.supplement-request': Type.Object(
    {
      at: IsoTime,
      /** Who is to answer: one party or both. */
      of: Type.Union([Side, Type.Literal('both')]),
      questions: Text(2000),
      dueDate: IsoDate,
    },
    { additionalProperties: false },
  ),
  'confirmation.supplement': Type.Object(
    {
      at: IsoTime,
      by: Side,
      answer: Text(5000),
      attachments: Type.Array(AttachmentSchema, { maxItems: 20 }),
    },
    { additionalProperties: false },
  ),
  'confirmation.ruling': Type.Object(
    {
      at: IsoTime,
      decision: Type.Union([Type.Literal('confirmed'), Type.Literal('rejected'), Type.Literal('withdrawn')]),
      caseNumber: Text(64),
      /** The rejection ground's code, or null. */
      groundCode: Type.Union([Text(64), Type.Null()]),
      reason: OptionalText(2000),
      /** The 民事裁定书 (confirmed or rejected), signed with the court's key; null when treated as withdrawn. */
      document: Type.Union([AttachmentSchema, Type.Null()]),
      verificationCode: Type.Union([Text(64), Type.Null()]),
    },
    { additionalProperties: false },
  ),
  'confirmation.withdrawal': Type.Object(
    { at: IsoTime, by: Side, reason: Text(2000) },
    { additionalProperties: false },
  ),
  'link.reconciliation': Type.Object(
    {
      at: IsoTime,
      cases: Type.Array(
        Type.Object(
          {
            caseRef: Text(64),
            /** The sender's state of the case, in the protocol's shared vocabulary (docs/docking-protocol.md). */
            linkState: Text(32),
            lastSequenceSent: Type.Integer({ minimum: 0 }),
            lastSequenceApplied: Type.Integer({ minimum: 0 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 10000 },
      ),
    },
    { additionalProperties: false },
  ),
} as const satisfies Record<DockingMessageType, TSchema>;

export type DockingBody<T extends DockingMessageType> = Static<(typeof DOCKING_BODY_SCHEMAS)[T]>;
export type DelegationBody = DockingBody<'case.delegate'>;
export type EntrustmentBody = DockingBody<'case.entrust'>;
export type ClosingReportBody = DockingBody<'case.closing-report'>;
export type ConfirmationApplyBody = DockingBody<'confirmation.apply'>;

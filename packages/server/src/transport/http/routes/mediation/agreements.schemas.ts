import { Type } from '@sinclair/typebox';
import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import { component, ExpectedVersion, Fen, Id, IsoDate, Nullable, Text } from '../common/shared.schemas.ts';

const Version = ExpectedVersion;
const Password = Type.String({
  minLength: 1,
  maxLength: INPUT_LIMITS.password,
  description: 'Re-entered to confirm intent',
});
const Party = Type.Union([Type.Literal('investor'), Type.Literal('respondent'), Type.Literal('mediator')]);

export const DraftAgreementBody = Type.Object(
  {
    ...Version,
    amountFen: Fen,
    paymentTerms: Text(INPUT_LIMITS.paymentTerms),
    dueDate: IsoDate,
  },
  { additionalProperties: false },
);

export const PasswordBody = Type.Object({ ...Version, password: Password }, { additionalProperties: false });

export const RecordPaymentBody = Type.Object(
  {
    ...Version,
    amountFen: Fen,
    paidAt: IsoDate,
    proofUploadId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

/** CaseDetail.agreement (docs/journey-api.md), plus version, status and payments. */
export const AgreementView = component(
  'Agreement',
  Type.Object({
    id: Type.String(),
    version: Type.Integer(),
    status: Type.Union([Type.Literal('draft'), Type.Literal('signing'), Type.Literal('effective')]),
    amountFen: Type.Integer(),
    paymentTerms: Type.String(),
    dueDate: Type.String(),
    text: Type.String(),
    digestSm3: Type.String(),
    signatures: Type.Array(
      Type.Object({ role: Party, name: Nullable(Type.String()), signedAt: Nullable(Type.String()) }),
    ),
    sealedAt: Nullable(Type.String()),
    verificationCode: Nullable(Type.String()),
    paidFen: Type.Integer(),
    payments: Type.Array(
      Type.Object({
        amountFen: Type.Integer(),
        paidAt: Type.String(),
        proofUploadId: Nullable(Type.String()),
        recordedAt: Type.String(),
      }),
    ),
  }),
);

export const VerifyParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });

export const VerifyResponse = component(
  'AgreementVerification',
  Type.Object({
    valid: Type.Boolean(),
    caseNumber: Type.String(),
    organizationName: Type.String(),
    effectiveAt: Type.String(),
    digestSm3: Type.String(),
    signatures: Type.Array(
      Type.Object({
        role: Party,
        name: Type.String({ description: 'Masked for people; the respondent firm in full' }),
        signedAt: Type.String(),
        valid: Type.Boolean(),
      }),
    ),
    seal: Type.Object({
      valid: Type.Boolean(),
      algorithm: Type.String(),
      keyId: Type.String(),
      sealedAt: Type.String(),
    }),
  }),
);

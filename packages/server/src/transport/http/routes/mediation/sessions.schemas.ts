import { Type } from '@sinclair/typebox';
import { SESSION_STATES } from '@sutiao/domain/sessions/session-lifecycle.ts';
import { component, ExpectedVersion, Id, Nullable } from '../common/shared.schemas.ts';
import { oneOf } from '../common/statistics-shared.schemas.ts';

export const SessionParams = Type.Object({ id: Id, sessionId: Id });

export const ScheduleSessionBody = Type.Object(
  {
    scheduledAt: Type.String({ minLength: 1, maxLength: 40, description: 'Start, ISO 8601 with offset' }),
    // Checked by the use case (15–240), so a wrong length gets SESSION_INVALID naming the rule.
    expectedMinutes: Type.Integer(),
    participantIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 10, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const SessionEventBody = Type.Object(ExpectedVersion, { additionalProperties: false });

const Seat = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  role: oneOf(['mediator', 'party', 'agent', 'observer'] as const),
  side: Nullable(oneOf(['investor', 'respondent'] as const)),
});

export const MediationSession = component(
  'MediationSession',
  Type.Object({
    id: Type.String(),
    caseId: Type.String(),
    state: oneOf(SESSION_STATES),
    version: Type.Integer(),
    scheduledAt: Type.String({ format: 'date-time' }),
    expectedMinutes: Type.Integer(),
    openedAt: Nullable(Type.String({ format: 'date-time' })),
    endedAt: Nullable(Type.String({ format: 'date-time' })),
    participants: Type.Array(Seat),
    canJoin: Type.Boolean(),
    isMediator: Type.Boolean(),
  }),
);

export const MediationSessions = Type.Array(MediationSession);

export const IceConfig = component(
  'IceConfig',
  Type.Object({
    iceServers: Type.Array(
      Type.Object({
        urls: Type.Array(Type.String()),
        username: Type.Optional(Type.String()),
        credential: Type.Optional(Type.String()),
      }),
    ),
    iceTransportPolicy: oneOf(['all', 'relay'] as const),
  }),
);

export const SessionRecordView = component(
  'SessionRecord',
  Type.Object({
    sessionId: Type.String(),
    status: oneOf(['draft', 'signing', 'sealed'] as const),
    body: Type.String(),
    revision: Type.Integer(),
    savedAt: Nullable(Type.String()),
    digestSm3: Nullable(Type.String()),
    signatures: Type.Array(
      Type.Object({
        userId: Type.String(),
        name: Type.String(),
        role: Type.String(),
        side: Nullable(Type.String()),
        signedAt: Type.String(),
      }),
    ),
    missing: Type.Array(Type.String()),
    canEdit: Type.Boolean(),
    canFinalize: Type.Boolean(),
    canSign: Type.Boolean(),
    verificationCode: Nullable(Type.String()),
    verifyUrl: Nullable(Type.String()),
  }),
);

export const RecordDraftBody = Type.Object(
  // The use case checks the length (50,000 characters) so a long record gets SESSION_INVALID naming the limit.
  { body: Type.String({ maxLength: 60_000 }), revision: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);

export const RecordFinalizeBody = Type.Object(
  { revision: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const RecordSignBody = Type.Object(
  { password: Type.String({ maxLength: 200 }) },
  { additionalProperties: false },
);

export const SessionRecordVerification = Type.Object({
  valid: Type.Boolean(),
  checks: Type.Object({
    content: Type.Boolean(),
    signatures: Type.Boolean(),
    seal: Type.Boolean(),
    pdf: Type.Boolean(),
  }),
  caseNumber: Nullable(Type.String()),
  openedAt: Nullable(Type.String()),
  endedAt: Nullable(Type.String()),
  signers: Type.Array(
    Type.Object({
      name: Type.String(),
      role: Type.String(),
      side: Nullable(Type.String()),
      signedAt: Type.String(),
      valid: Type.Boolean(),
    }),
  ),
  digestSm3: Type.String(),
  sealedAt: Type.String(),
});

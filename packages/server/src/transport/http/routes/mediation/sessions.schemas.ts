import { Type } from '@sinclair/typebox';
import { SESSION_STATES } from '@sutiao/domain/sessions/session-lifecycle.ts';
import { RECORDING_STATES } from '@sutiao/domain/sessions/session-recording.ts';
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

const Label = Type.Object({ zh: Type.String(), en: Type.String() });

export const SessionRecording = component(
  'SessionRecording',
  Type.Object({
    id: Type.String(),
    sessionId: Type.String(),
    state: oneOf(RECORDING_STATES),
    stateLabel: Label,
    mimeType: Type.String(),
    startedAt: Type.String({ format: 'date-time' }),
    stoppedAt: Nullable(Type.String({ format: 'date-time' })),
    stopReason: Nullable(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() })),
    finishedAt: Nullable(Type.String({ format: 'date-time' })),
    chunkCount: Nullable(Type.Integer()),
    sizeBytes: Nullable(Type.Integer()),
    digestSm3: Nullable(Type.String({ description: 'SM3 of the whole file, as in the audit trail' })),
    consentedBy: Type.Array(Type.String()),
    mediaPath: Nullable(
      Type.String({ description: 'Where the reader plays it (session participants only)' }),
    ),
  }),
);

export const RecordingParams = Type.Object({ id: Id, sessionId: Id, recordingId: Id });
export const RecordingChunkParams = Type.Object({
  id: Id,
  sessionId: Id,
  recordingId: Id,
  seq: Type.Integer({ minimum: 0 }),
});

export const RecordingChunkReceipt = Type.Object({
  seq: Type.Integer(),
  sha256: Type.String(),
  sizeBytes: Type.Integer(),
  duplicate: Type.Boolean(),
});

export const RecordingFinishBody = Type.Object(
  { chunkCount: Type.Integer({ minimum: 0, maximum: 1_000_000 }) },
  { additionalProperties: false },
);

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
    recordings: Type.Array(SessionRecording),
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

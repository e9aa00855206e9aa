import { Type } from '@sinclair/typebox';
import { component, Nullable } from '../common/shared.schemas.ts';

const Labels = Type.Object({ zh: Type.String(), en: Type.String() });
const Algorithm = Type.Union([Type.Literal('SM2'), Type.Literal('Ed25519')]);

/** A receipt as the receiver signed it (packages/domain/src/docking/receipt.ts). */
export const SignedReceiptSchema = component(
  'DockingSignedReceipt',
  Type.Object({
    receipt: Type.Object({
      messageId: Type.String(),
      senderId: Type.String(),
      receiverId: Type.String(),
      outcome: Type.Union([
        Type.Literal('accepted'),
        Type.Literal('held'),
        Type.Literal('duplicate'),
        Type.Literal('rejected'),
      ]),
      code: Nullable(Type.String()),
      detail: Nullable(Type.String()),
      bodyDigest: Nullable(Type.String()),
      receivedAt: Type.String(),
    }),
    keyId: Type.String(),
    algorithm: Algorithm,
    signature: Type.String(),
  }),
);
export const ReceiptAnswer = Type.Object({ receipt: SignedReceiptSchema });

/** The envelope is checked by the protocol core (it answers a rejection receipt), not by the route's schema. */
export const EnvelopeBody = Type.Unsafe<unknown>({
  description: 'A signed docking envelope (docs/docking-protocol.md)',
});

export const AttachmentRequest = Type.Object(
  {
    senderId: Type.String({ minLength: 1, maxLength: 200 }),
    caseRef: Type.String({ minLength: 1, maxLength: 200 }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    createdAt: Type.String({ maxLength: 40 }),
    keyId: Type.String({ minLength: 1, maxLength: 200 }),
    algorithm: Algorithm,
    signature: Type.String({ pattern: '^[0-9a-f]{2,512}$' }),
  },
  { additionalProperties: false },
);

export const PlatformIdentitySchema = component(
  'DockingPlatformIdentity',
  Type.Object({
    platformId: Type.String(),
    platform: Type.Union([Type.Literal('court'), Type.Literal('mediation')]),
    name: Type.String(),
    nameEn: Type.String(),
    baseUrl: Type.String(),
    keys: Type.Array(
      Type.Object({ keyId: Type.String(), algorithm: Algorithm, publicKeyPem: Type.String() }),
    ),
  }),
);

const PeerKeyInput = Type.Object(
  {
    publicKeyPem: Type.String({ minLength: 1, maxLength: 4000 }),
    algorithm: Algorithm,
    validFrom: Type.Optional(Type.String({ maxLength: 40 })),
    validUntil: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  },
  { additionalProperties: false },
);

export const RegisterPeerBody = Type.Object(
  {
    id: Type.String({ minLength: 2, maxLength: 63 }),
    platform: Type.Union([Type.Literal('court'), Type.Literal('mediation')]),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    baseUrl: Type.String({ minLength: 1, maxLength: 500 }),
    keys: Type.Array(PeerKeyInput, { minItems: 1, maxItems: 10 }),
  },
  { additionalProperties: false },
);
export const RegisteredPeerAnswer = Type.Object({ id: Type.String(), keyIds: Type.Array(Type.String()) });

export const RetireKeyBody = Type.Object(
  { at: Type.Optional(Type.String({ maxLength: 40 })) },
  { additionalProperties: false },
);

export const PeersAnswer = component(
  'DockingPeers',
  Type.Object({
    platformId: Type.String(),
    items: Type.Array(
      Type.Object({
        id: Type.String(),
        platform: Type.String(),
        name: Type.String(),
        baseUrl: Type.String(),
        active: Type.Boolean(),
        pending: Type.Integer(),
        delivered: Type.Integer(),
        failed: Type.Integer(),
        lastDeliveredAt: Nullable(Type.String()),
        keys: Type.Array(
          Type.Object({
            keyId: Type.String(),
            algorithm: Algorithm,
            validFrom: Type.String(),
            validUntil: Nullable(Type.String()),
            current: Type.Boolean(),
          }),
        ),
      }),
    ),
  }),
);

export const CaseMessagesAnswer = component(
  'DockingCaseMessages',
  Type.Object({
    items: Type.Array(
      Type.Object({
        direction: Type.Union([Type.Literal('sent'), Type.Literal('received')]),
        messageId: Type.String(),
        type: Type.String(),
        label: Labels,
        sequence: Type.Integer(),
        status: Type.String(),
        receipt: Nullable(
          Type.Object({ outcome: Type.String(), code: Nullable(Type.String()), at: Type.String() }),
        ),
        at: Type.String(),
        lastError: Nullable(Type.String()),
      }),
    ),
  }),
);

const Summary = Type.Object({
  caseRef: Type.String(),
  linkState: Type.String(),
  lastSequenceSent: Type.Integer(),
  lastSequenceApplied: Type.Integer(),
});

export const LinkProblemsAnswer = component(
  'DockingLinkProblems',
  Type.Object({
    deadLetters: Type.Array(
      Type.Object({
        messageId: Type.String(),
        peerId: Type.String(),
        type: Type.String(),
        caseRef: Nullable(Type.String()),
        sequence: Type.Integer(),
        status: Type.String(),
        attempts: Type.Integer(),
        lastError: Nullable(Type.String()),
        createdAt: Type.String(),
      }),
    ),
    refused: Type.Array(
      Type.Object({
        messageId: Nullable(Type.String()),
        senderId: Nullable(Type.String()),
        type: Nullable(Type.String()),
        caseRef: Nullable(Type.String()),
        code: Type.String(),
        detail: Nullable(Type.String()),
        receivedAt: Type.String(),
      }),
    ),
    divergences: Type.Array(
      Type.Object({
        id: Type.String(),
        peerId: Type.String(),
        caseRef: Type.String(),
        ours: Summary,
        theirs: Summary,
        foundAt: Type.String(),
      }),
    ),
  }),
);

export const ResolveBody = Type.Object(
  { resolution: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const CaseRefParams = Type.Object({ caseRef: Type.String({ minLength: 1, maxLength: 200 }) });
export const AttachmentParams = Type.Object({
  caseRef: Type.String({ minLength: 1, maxLength: 200 }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
});

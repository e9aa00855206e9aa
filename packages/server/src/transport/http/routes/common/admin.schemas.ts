import { Type } from '@sinclair/typebox';
import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import { Id, Nullable, StoredJson } from './shared.schemas.ts';

export const AuditQuery = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 100 })),
  actorUserId: Type.Optional(Type.String({ maxLength: 64 })),
  targetId: Type.Optional(Type.String({ maxLength: 200 })),
  beforeSeq: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});
export const RolesBody = Type.Object(
  { roles: Type.Array(Type.String({ maxLength: 32 }), { maxItems: 13 }) },
  { additionalProperties: false },
);
export const UserParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const UserList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Id,
      username: Type.String(),
      displayName: Type.String(),
      organizationName: Nullable(Type.String()),
      disabled: Type.Boolean(),
      lockedUntil: Nullable(
        Type.String({ description: 'Sign-in locked until (ISO time); null when not locked' }),
      ),
      roles: Type.Array(Type.String()),
    }),
  ),
  organizations: Type.Array(Type.Object({ id: Id, name: Type.String(), kind: Type.String() })),
});
export const CreateUserBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: INPUT_LIMITS.username }),
    displayName: Type.String({ minLength: 1, maxLength: INPUT_LIMITS.displayName }),
    organizationId: Nullable(Id),
    role: Type.String({ maxLength: 32 }),
    email: Type.Optional(Type.String({ maxLength: INPUT_LIMITS.email })),
  },
  { additionalProperties: false },
);
export const CreatedUser = Type.Object({
  id: Id,
  username: Type.String(),
  initialPassword: Type.String({ description: 'Shown once; the person changes it after signing in' }),
});
export const AccessBody = Type.Object(
  { action: Type.Union([Type.Literal('disable'), Type.Literal('enable'), Type.Literal('unlock')]) },
  { additionalProperties: false },
);
export const AccessSet = Type.Object({
  userId: Id,
  action: Type.Union([Type.Literal('disable'), Type.Literal('enable'), Type.Literal('unlock')]),
});
export const RolesSet = Type.Object({ userId: Id, roles: Type.Array(Type.String()) });

export const AuditRecordList = Type.Object({
  items: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      at: Type.String({ format: 'date-time' }),
      requestId: Nullable(Type.String()),
      actorUserId: Nullable(Type.String()),
      actorRole: Nullable(Type.String()),
      action: Type.String(),
      targetType: Nullable(Type.String()),
      targetId: Nullable(Type.String()),
      outcome: Type.Union([Type.Literal('success'), Type.Literal('failure'), Type.Literal('denied')]),
      details: StoredJson(Type.Object({})),
      hash: Type.String({ description: 'SM3 of the record’s canonical content, hex' }),
      logIndex: Nullable(
        Type.Integer({ description: 'Leaf number in the Merkle log; null until integrated' }),
      ),
    }),
  ),
});

const Hex = Type.String({ pattern: '^[0-9a-f]*$' });
export const SignedTreeHead = Type.Object(
  {
    treeSize: Type.Integer(),
    rootHash: Hex,
    coveredSeq: Type.Integer({ description: 'Every record numbered up to here is in the tree' }),
    signedAt: Type.String({ format: 'date-time' }),
    algorithm: Type.String(),
    keyId: Type.String(),
    publicKeyPem: Type.String(),
    signature: Hex,
  },
  {
    description:
      'Signed over the canonical JSON {type: "sutiao.audit.tree-head.v1", treeSize, rootHash, coveredSeq, signedAt}',
  },
);

export const AuditVerdict = Type.Object({
  ok: Type.Boolean(),
  records: Type.Integer(),
  integrated: Type.Optional(Type.Integer()),
  pending: Type.Optional(Type.Integer({ description: 'Committed records not yet in the log' })),
  heads: Type.Optional(Type.Integer()),
  rootHash: Type.Optional(Hex),
  latestHead: Type.Optional(Nullable(SignedTreeHead)),
  reason: Type.Optional(Type.String()),
  brokenSeq: Type.Optional(Type.Integer({ description: 'The first bad record' })),
  brokenLogIndex: Type.Optional(Type.Integer()),
  detail: Type.Optional(Type.String()),
});

export const Integration = Type.Object({ integrated: Type.Integer(), treeSize: Type.Integer() });

export const ProofParams = Type.Object({ seq: Type.Integer({ minimum: 1 }) });
export const ProofQuery = Type.Object({ treeSize: Type.Optional(Type.Integer({ minimum: 1 })) });
export const RecordProof = Type.Object({
  seq: Type.Integer(),
  logIndex: Type.Integer(),
  leafHash: Hex,
  proof: Type.Array(Hex, { description: 'RFC 9162 §2.1.3 audit path, leaf to root' }),
  head: SignedTreeHead,
});
export const ConsistencyQuery = Type.Object({
  from: Type.Integer({ minimum: 1 }),
  to: Type.Optional(Type.Integer({ minimum: 1 })),
});
export const ConsistencyProof = Type.Object({
  from: SignedTreeHead,
  to: SignedTreeHead,
  proof: Type.Array(Hex, { description: 'RFC 9162 §2.1.4 consistency proof' }),
});

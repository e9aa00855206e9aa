import { Type } from '@sinclair/typebox';
import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import { component, Nullable } from './shared.schemas.ts';

const Username = Type.String({ minLength: 1, maxLength: INPUT_LIMITS.username });
const Password = Type.String({ minLength: 1, maxLength: INPUT_LIMITS.password });

export const LoginBody = Type.Object(
  { username: Username, password: Password },
  { additionalProperties: false },
);

const MeUser = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  platform: Type.Union([Type.Literal('court'), Type.Literal('mediation')]),
  organizationId: Nullable(Type.String()),
  organizationName: Nullable(Type.String()),
});

export const MeResponse = component(
  'Me',
  Type.Object({ user: MeUser, permissions: Type.Array(Type.String()), csrfToken: Type.String() }),
);

export const RegisterBody = Type.Object(
  {
    username: Username,
    password: Password,
    displayName: Type.String({ minLength: 1, maxLength: INPUT_LIMITS.displayName }),
    idNumber: Type.String({ minLength: 1, maxLength: INPUT_LIMITS.idNumber }),
    phone: Type.String({ minLength: 1, maxLength: INPUT_LIMITS.phone }),
    email: Type.Optional(Type.String({ maxLength: INPUT_LIMITS.email })),
    consentVersion: Type.String({ minLength: 1, maxLength: INPUT_LIMITS.consentVersion }),
  },
  { additionalProperties: false },
);

export const ChangePasswordBody = Type.Object(
  { currentPassword: Password, newPassword: Password },
  { additionalProperties: false },
);

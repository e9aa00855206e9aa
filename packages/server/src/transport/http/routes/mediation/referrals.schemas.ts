import { Type } from '@sinclair/typebox';
import { DECLINE_REASONS } from '@sutiao/domain/lifecycles/direct-application-codes.ts';
import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import { Text } from '../common/shared.schemas.ts';

const Version = { expectedVersion: Type.Integer({ minimum: 1 }) };

/** Bodies of the court-referral events: POST /api/cases/:id/{sign-for-receipt | decline | extend}. */
export const ReferralEventBodies = {
  'sign-for-receipt': Type.Object({ ...Version }, { additionalProperties: false }),
  decline: Type.Object(
    {
      ...Version,
      reasonCode: Type.Union(Object.keys(DECLINE_REASONS).map((code) => Type.Literal(code))),
      note: Type.Optional(Type.String({ maxLength: INPUT_LIMITS.note })),
    },
    { additionalProperties: false },
  ),
  extend: Type.Object(
    {
      ...Version,
      days: Type.Integer({ minimum: 1, maximum: 30 }),
      consent: Text(INPUT_LIMITS.note),
    },
    { additionalProperties: false },
  ),
} as const;

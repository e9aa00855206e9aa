import type { Kysely } from 'kysely';
import { decryptField } from '../../../adapters/crypto/sm4.ts';
import type { Side } from '../../../adapters/db/confirmation-schema.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Deps } from '../../../deps.ts';
import type { ConfirmationApplyBody } from '@sutiao/domain/docking/message-bodies.ts';
import type { Actor } from '@sutiao/domain/permissions.ts';
import { participantsOf } from '../cases/case-notices.ts';
import type { LoadedCase } from '../cases/load-case.ts';
import type { ApplicationRow } from './application-binding.ts';

/** Which party of the case the actor speaks for: the investor (or their agent), or the respondent firm's staff. */
export function sideOf(actor: Actor, c: LoadedCase): Side | null {
  if (actor.platform !== 'mediation') return null;
  if (
    actor.roles.includes('investor') &&
    (c.applicant_user_id === actor.userId || c.agent_user_id === actor.userId)
  ) {
    return 'investor';
  }
  if (actor.roles.includes('respondent') && actor.organizationId === c.respondent_org_id) return 'respondent';
  return null;
}

export const otherSide = (side: Side): Side => (side === 'investor' ? 'respondent' : 'investor');

export interface CaseParticipant {
  userId: string;
  email: string | null;
  side: Side | 'mediator' | 'organization';
}

/** The people of the case a confirmation concerns: both parties' users, the mediator, the organization's admins. */
export async function confirmationParticipants(trx: Kysely<DB>, c: LoadedCase): Promise<CaseParticipant[]> {
  return (await participantsOf(trx, c)).map(({ actor, email }) => ({
    userId: actor.userId,
    email,
    side:
      sideOf(actor, c) ??
      (actor.userId === c.mediator_user_id ? ('mediator' as const) : ('organization' as const)),
  }));
}

type Applicant = ConfirmationApplyBody['applicants'][number];

/**
 * Both applicants as the court receives them: the investor by the real-name ID number of their account, the firm by
 * its unified social credit code, each with the statement they gave on the platform.
 */
export async function applicantsOf(
  deps: Deps,
  trx: Kysely<DB>,
  c: LoadedCase,
  row: ApplicationRow,
): Promise<Applicant[]> {
  const investor = await trx
    .selectFrom('users')
    .select(['display_name', 'id_number_enc', 'phone_enc'])
    .where('id', '=', c.applicant_user_id ?? '')
    .executeTakeFirst();
  const firm = await trx
    .selectFrom('organizations')
    .select(['name', 'credit_code'])
    .where('id', '=', c.respondent_org_id)
    .executeTakeFirstOrThrow();
  const statements = row.statements;
  const statementOf = (side: Side) =>
    statements[side] ?? { text: '', at: new Date(row.created_at).toISOString() };
  const keys = deps.keys.dataKeys;
  return [
    {
      side: 'investor',
      kind: 'person',
      name: c.applicant_name,
      idNumber: investor?.id_number_enc ? decryptField(keys, investor.id_number_enc, 'users.id_number') : '',
      phone: investor?.phone_enc ? decryptField(keys, investor.phone_enc, 'users.phone') : null,
      appliedAt: statementOf('investor').at,
      statement: statementOf('investor').text,
    },
    {
      side: 'respondent',
      kind: 'organization',
      name: firm.name,
      idNumber: firm.credit_code ?? '',
      phone: null,
      appliedAt: statementOf('respondent').at,
      statement: statementOf('respondent').text,
    },
  ];
}

import type { Kysely } from 'kysely';
import { formatHours } from '@sutiao/domain/training/hours.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import { sealEnvelope, storedEnvelopeColumns } from '../../../adapters/signing/signed-envelope.ts';
import type { Deps } from '../../../deps.ts';
import { newId } from '../../../lib/ids.ts';
import { newVerificationCode } from '../../../lib/verification-code.ts';
import type { CourseRow } from './course-record.ts';

/** What a training certificate states, as signed. */
export interface CertificateContent {
  certificate: { id: string; issuedAt: string; platform: string };
  course: {
    id: string;
    title: string;
    organizer: string;
    coOrganizers: string[];
    mode: string;
    startsAt: string;
    endsAt: string;
  };
  trainee: { userId: string; name: string; organization: string | null };
  hours: string;
  creditedOn: string;
}

/**
 * Seals one certificate (培训证明) per attendee of a completed course with the platform's key and a new verification
 * code, in the completion's transaction. The PDF is drawn from the signed content when first downloaded.
 */
export async function issueCertificates(
  deps: Deps,
  trx: Kysely<DB>,
  input: { course: CourseRow; creditedOn: string; issuedAt: Date },
): Promise<number> {
  const { course } = input;
  const attendees = await trx
    .selectFrom('training_enrollments as e')
    .innerJoin('users', 'users.id', 'e.user_id')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .select(['e.user_id', 'e.hours_x10', 'users.display_name', 'organizations.name as org_name'])
    .where('e.course_id', '=', course.id)
    .where('e.attendance', '=', 'attended')
    .orderBy('e.user_id')
    .execute();
  if (attendees.length === 0) return 0;
  const names = await trx
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('id', 'in', [course.organizer_id, ...course.co_organizer_ids])
    .execute();
  const nameOf = (id: string) => names.find((o) => o.id === id)?.name ?? id;
  const { signer } = deps.keys;
  const rows = attendees.map((a) => {
    const id = newId();
    const verificationCode = newVerificationCode();
    const content: CertificateContent = {
      certificate: { id, issuedAt: input.issuedAt.toISOString(), platform: deps.platform },
      course: {
        id: course.id,
        title: course.title,
        organizer: nameOf(course.organizer_id),
        coOrganizers: course.co_organizer_ids.map(nameOf),
        mode: course.mode,
        startsAt: new Date(course.starts_at).toISOString(),
        endsAt: new Date(course.ends_at).toISOString(),
      },
      trainee: { userId: a.user_id, name: a.display_name, organization: a.org_name },
      hours: formatHours(a.hours_x10),
      creditedOn: input.creditedOn,
    };
    const envelope = sealEnvelope('training-certificate', { ...content }, signer, { verificationCode });
    return {
      id,
      course_id: course.id,
      user_id: a.user_id,
      verification_code: verificationCode,
      ...storedEnvelopeColumns(envelope, signer.publicKeyPem),
      issued_at: input.issuedAt,
    };
  });
  await trx.insertInto('training_certificates').values(rows).execute();
  return rows.length;
}

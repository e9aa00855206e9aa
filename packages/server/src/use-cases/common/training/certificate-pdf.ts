import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';
import { publicKeyFingerprint } from '../../../adapters/crypto/fingerprint.ts';
import { sm3Hex } from '../../../adapters/crypto/sm3.ts';
import { renderTrainingCertificatePdf } from '../../../adapters/pdf/render-training-certificate-pdf.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { verifyUrl } from '../../../lib/verification-code.ts';
import { PLATFORM_NAMES } from '../../docking/platform-identity.ts';
import { loadCourse } from './course-record.ts';
import type { CertificateContent } from './issue-certificates.ts';
import { trainingScope } from './training-scope.ts';

const noCertificate = () => appError('NOT_FOUND', { entity: { zh: '培训证明', en: 'Training certificate' } });

/**
 * A trainee's certificate of a completed course as a PDF, for the trainee and for those who oversee the course's
 * organizer. Drawn from the signed content the first time and kept by hash, so every later download is the same file
 * and the verify page can check it.
 */
export async function certificatePdf(
  deps: Deps,
  ctx: SignedInContext,
  input: { courseId: string; userId?: string | undefined },
): Promise<{ filename: string; body: Buffer }> {
  const userId = input.userId ?? ctx.actor.userId;
  if (userId !== ctx.actor.userId) {
    const course = await loadCourse(deps.db, input.courseId);
    const canOversee = isAuthorized(ctx.actor, 'training.organize') || isAuthorized(ctx.actor, 'stats.read');
    if (!canOversee || !(await trainingScope(deps, ctx)).organizationIds.includes(course.organizer_id))
      throw appError('FORBIDDEN');
  }
  const cert = await deps.db
    .selectFrom('training_certificates')
    .selectAll()
    .where('course_id', '=', input.courseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!cert) throw noCertificate();
  const filename = `培训证明-${cert.verification_code}.pdf`;
  const stored = cert.pdf_sha256 ? await deps.storage.getBytes(cert.pdf_sha256) : null;
  if (stored) return { filename, body: stored };
  // Drawn from the signed content and its issue time only, so every drawing is the same bytes: two first downloads
  // at once, or a drawing after a lost file, store and record the very PDF the verify page checks.
  const content = JSON.parse(cert.content) as CertificateContent;
  const algorithm = cert.algorithm === 'Ed25519' ? 'Ed25519' : 'SM2';
  const body = await renderTrainingCertificatePdf({
    platformName: PLATFORM_NAMES[deps.platform].zh,
    traineeName: content.trainee.name,
    traineeOrganization: content.trainee.organization,
    courseTitle: content.course.title,
    organizers: [content.course.organizer, ...content.course.coOrganizers],
    mode: content.course.mode === 'online' ? 'online' : 'in_person',
    startDate: todayInShanghai(new Date(content.course.startsAt)),
    endDate: todayInShanghai(new Date(content.course.endsAt)),
    hours: content.hours,
    creditedOn: content.creditedOn,
    issuedAt: new Date(cert.issued_at),
    digestSm3: cert.digest_sm3,
    algorithm: cert.algorithm,
    signatureHex: cert.signature,
    publicKeyFingerprint: publicKeyFingerprint(cert.public_key_pem, algorithm),
    verificationCode: cert.verification_code,
    verifyUrl: verifyUrl(deps.publicUrl, cert.verification_code),
  });
  const sha256 = await deps.storage.put(body);
  await deps.db
    .updateTable('training_certificates')
    .set({ pdf_sha256: sha256, pdf_sm3: sm3Hex(body) })
    .where('id', '=', cert.id)
    .execute();
  return { filename, body };
}

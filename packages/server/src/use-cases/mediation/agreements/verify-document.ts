import { appError, isAppError } from '@sutiao/domain/errors.ts';
import type { Deps } from '../../../deps.ts';
import { normalizeVerificationCode } from '../../../lib/verification-code.ts';
import { verifyAssessmentReport } from '../loss/verify-assessment-report.ts';
import { verifySessionRecord } from '../sessions/record/verify-session-record.ts';
import { verifyAgreement } from './verify-agreement.ts';

type DocumentVerification =
  | { kind: 'agreement'; agreement: Awaited<ReturnType<typeof verifyAgreement>> }
  | { kind: 'loss-report'; report: Awaited<ReturnType<typeof verifyAssessmentReport>> }
  | { kind: 'session-record'; record: NonNullable<Awaited<ReturnType<typeof verifySessionRecord>>> };

const notFound = (error: unknown) => isAppError(error) && error.code === 'VERIFY_NOT_FOUND';

/**
 * One verification code, whichever document carries it: a sealed agreement, a sealed session record or an issued
 * loss report (each prints its code and a QR link to /verify/<code>). Something that cannot be a code says so instead of "not found".
 */
export async function verifyDocument(deps: Deps, rawCode: string): Promise<DocumentVerification> {
  if (!normalizeVerificationCode(rawCode)) throw appError('VERIFY_CODE_MALFORMED');
  try {
    return { kind: 'agreement', agreement: await verifyAgreement(deps, rawCode) };
  } catch (error) {
    if (!notFound(error)) throw error;
  }
  const record = await verifySessionRecord(deps, rawCode);
  if (record) return { kind: 'session-record', record };
  return { kind: 'loss-report', report: await verifyAssessmentReport(deps, rawCode) };
}

import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Notification } from '../../../adapters/notify/notification-sink.ts';
import { sm3Hex } from '../../../adapters/crypto/sm3.ts';
import { sealEnvelope } from '../../../adapters/signing/signed-envelope.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { confirmPassword } from '../../common/auth/confirm-password.ts';
import { applyCaseTransition, sendAfterCommit } from '../cases/case-transition.ts';
import { loadReadableCase } from '../cases/case-access.ts';
import type { CaseDetail } from '../cases/present-case.ts';
import { notifyUsers } from '../../common/notices/notify-user.ts';
import {
  type AgreementRow,
  agreementDigest,
  SIGNING_PARTIES,
  sealContent,
  verifyPartySignature,
} from './agreement-content.ts';
import { renderSealedAgreement } from './agreement-pdf.ts';
import { loadCurrentAgreement, loadSignatures } from './load-agreement.ts';
import { registeredSigningKeys } from './user-signing-key.ts';
import { newVerificationCode } from '../../../lib/verification-code.ts';
import { verifyUrl } from '../../../lib/verification-code.ts';

interface SealAgreementInput {
  caseId: string;
  expectedVersion: number;
  password: string;
}

/** A fresh code; 55 random bits make a clash practically impossible, the check makes it certain. */
async function uniqueVerificationCode(trx: Kysely<DB>): Promise<string> {
  for (;;) {
    const code = newVerificationCode();
    const taken = await trx
      .selectFrom('agreements')
      .select('id')
      .where('verification_code', '=', code)
      .executeTakeFirst();
    if (!taken) return code;
  }
}

/**
 * An administrator of the handling organization seals the fully signed agreement with the platform key: the seal
 * covers the digest and the three signatures. The agreement takes effect, gets its public verification code and
 * its PDF, and every signer is told.
 */
export async function sealAgreement(
  deps: Deps,
  ctx: SignedInContext,
  input: SealAgreementInput,
): Promise<CaseDetail> {
  await loadReadableCase(deps.db, ctx.actor, input.caseId);
  await confirmPassword(deps, ctx, input.password, 'seal-agreement');
  const payload: Record<string, unknown> = {};
  const emails: Notification[] = [];
  const detail = await applyCaseTransition(deps, ctx, {
    caseId: input.caseId,
    event: 'seal-agreement',
    expectedVersion: input.expectedVersion,
    payload,
    afterUpdate: async (trx, c) => {
      const agreement = await loadCurrentAgreement(trx, c.id, { forUpdate: true });
      if (agreement?.status !== 'signing') throw appError('CASE_STATE_CONFLICT');
      const signatures = await loadSignatures(trx, agreement.id);
      const keysOf = await registeredSigningKeys(trx, signatures);
      const digestSm3 = agreementDigest(agreement);
      // The seal vouches for the signatures, so check them rather than trust the rows.
      const sound =
        digestSm3 === agreement.digest_sm3 &&
        SIGNING_PARTIES.every((party) => signatures.some((s) => s.party === party)) &&
        signatures.every((s) => verifyPartySignature(agreement, s, keysOf(s)).valid);
      if (!sound) throw appError('INTERNAL');

      const sealedAt = deps.now();
      const verificationCode = await uniqueVerificationCode(trx);
      const { signer } = deps.keys;
      const content = sealContent({ digestSm3, sealedAt, signatures });
      const envelope = sealEnvelope('agreement-seal', content, signer, { verificationCode });
      const seal = {
        verification_code: verificationCode,
        sealed_at: sealedAt,
        sealed_by_user_id: ctx.actor.userId,
        seal_algorithm: envelope.algorithm,
        seal_key_id: envelope.keyId,
        seal_public_key_pem: signer.publicKeyPem,
        seal_signature: envelope.signature,
      };
      const sealed: AgreementRow = { ...agreement, ...seal, status: 'effective' };
      const pdf = await renderSealedAgreement(deps, sealed, signatures);
      const pdfSha256 = await deps.storage.put(pdf);
      await trx
        .updateTable('agreements')
        .set({ ...seal, status: 'effective', pdf_sha256: pdfSha256 })
        .where('id', '=', agreement.id)
        .execute();

      const ref = c.case_number ?? '';
      const body = `调解协议已生效，验证码 ${verificationCode}，可在案件页面下载协议书，或访问 ${verifyUrl(deps.publicUrl, verificationCode)} 核验。`;
      const signerIds = [...new Set(signatures.map((s) => s.user_id))];
      await notifyUsers(
        trx,
        signerIds.map((userId) => ({
          userId,
          kind: 'agreement.effective',
          title: `${ref}：调解协议已生效`,
          body,
          caseId: c.id,
        })),
      );
      const withEmail = await trx
        .selectFrom('users')
        .select('email')
        .where('id', 'in', signerIds)
        .where('email', 'is not', null)
        .execute();
      for (const { email } of withEmail) {
        if (email)
          emails.push({ channel: 'email', to: email, subject: `【在线调解】${ref}：调解协议已生效`, body });
      }
      Object.assign(payload, {
        agreementId: agreement.id,
        digestSm3,
        verificationCode,
        sealKeyId: signer.keyId,
        pdfSha256,
        // A court's referral reports the agreement back with its PDF by hash (referral-outgoing.ts).
        pdfSm3: sm3Hex(pdf),
        pdfSize: pdf.length,
      });
    },
  });
  await sendAfterCommit(deps, emails);
  return detail;
}

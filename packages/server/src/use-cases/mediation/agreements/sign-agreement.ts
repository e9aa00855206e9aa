import { signingPartyOf } from '@sutiao/domain/lifecycles/direct-application-context.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { sealEnvelope } from '../../../adapters/signing/signed-envelope.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { confirmPassword } from '../../common/auth/confirm-password.ts';
import { applyCaseTransition } from '../cases/case-transition.ts';
import { loadReadableCase } from '../cases/case-access.ts';
import { loadCaseFacts } from '../cases/case-facts.ts';
import type { CaseDetail } from '../cases/present-case.ts';
import { agreementContent } from './agreement-content.ts';
import { loadCurrentAgreement } from './load-agreement.ts';
import { userSigner } from './user-signing-key.ts';
import { displayNameOf } from '../../common/auth/display-name.ts';

interface SignAgreementInput {
  caseId: string;
  expectedVersion: number;
  /** Re-entered to show intent: an electronic signature must be the signer's own deliberate act. */
  password: string;
}

/**
 * A party (applicant or agent, respondent staff, the mediator) signs the agreement's SM3 digest with their
 * platform-custodied SM2 key. One signature per party; the lifecycle refuses a second one.
 */
export async function signAgreement(
  deps: Deps,
  ctx: SignedInContext,
  input: SignAgreementInput,
): Promise<CaseDetail> {
  // Visibility first: someone who can't see the case learns nothing, not even whether their password was right.
  await loadReadableCase(deps.db, ctx.actor, input.caseId);
  await confirmPassword(deps, ctx, input.password, 'sign-agreement');
  const payload: Record<string, unknown> = {};
  return applyCaseTransition(deps, ctx, {
    caseId: input.caseId,
    event: 'sign-agreement',
    expectedVersion: input.expectedVersion,
    payload,
    afterUpdate: async (trx, c) => {
      const party = signingPartyOf({ actor: ctx.actor, case: await loadCaseFacts(trx, c) });
      const agreement = await loadCurrentAgreement(trx, c.id, { forUpdate: true });
      if (!party || !agreement || agreement.status === 'effective') throw appError('CASE_STATE_CONFLICT');
      const signer = await userSigner(deps, trx, ctx.actor.userId);
      const envelope = sealEnvelope('agreement', agreementContent(agreement), signer);
      // Never sign over stored content that no longer matches what was drafted.
      if (envelope.digestSm3 !== agreement.digest_sm3) throw appError('INTERNAL');
      const digestSm3 = envelope.digestSm3;
      await trx
        .insertInto('agreement_signatures')
        .values({
          agreement_id: agreement.id,
          party,
          user_id: ctx.actor.userId,
          signer_name: await displayNameOf(trx, ctx.actor.userId),
          signed_at: deps.now(),
          algorithm: envelope.algorithm,
          key_id: envelope.keyId,
          public_key_pem: signer.publicKeyPem,
          signature: envelope.signature,
        })
        .execute();
      await trx.updateTable('agreements').set({ status: 'signing' }).where('id', '=', agreement.id).execute();
      Object.assign(payload, { agreementId: agreement.id, party, digestSm3, keyId: signer.keyId });
    },
  });
}

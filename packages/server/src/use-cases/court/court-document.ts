import type { Kysely } from 'kysely';
import { publicKeyFingerprint } from '../../adapters/crypto/fingerprint.ts';
import { sm3Hex } from '../../adapters/crypto/sm3.ts';
import type { DB } from '../../adapters/db/schema.ts';
import type { DocumentSignature } from '../../adapters/pdf/signature-block.ts';
import { sealEnvelope, storedEnvelopeColumns } from '../../adapters/signing/signed-envelope.ts';
import type { Deps } from '../../deps.ts';
import { newVerificationCode } from '../../lib/verification-code.ts';
import type { Attachment } from '@sutiao/domain/docking/message-bodies.ts';
import { verifyUrl } from '../../lib/verification-code.ts';

/** A document the court issues, signed and rendered, not yet recorded. */
export interface SignedCourtDocument {
  kind: 'mediation-document' | 'confirmation-ruling';
  documentId: string;
  caseNumber: string;
  verificationCode: string;
  /** The PDF as the link sends it (role court-document). */
  attachment: Attachment;
  record(trx: Kysely<DB>, row: { caseId: string; issuedByUserId: string; issuedAt: Date }): Promise<void>;
}

/**
 * Signs a court document's content with the court platform's key (an envelope of its kind with a new verification
 * code), renders its PDF with the signature block, stores the PDF by hash and returns it ready to record in
 * `court_documents` (in the transition's transaction) and to send over the link. The 调解书 and the 裁定书 both go here.
 */
export async function signCourtDocument(
  deps: Deps,
  input: {
    kind: SignedCourtDocument['kind'];
    /** 民事调解书, 民事裁定书: the file's name. */
    title: string;
    documentId: string;
    caseNumber: string;
    content: Record<string, unknown>;
    render(signature: DocumentSignature): Promise<Buffer>;
  },
): Promise<SignedCourtDocument> {
  const { signer } = deps.keys;
  const verificationCode = newVerificationCode();
  const envelope = sealEnvelope(input.kind, input.content, signer, { verificationCode });
  const pdf = await input.render({
    digestSm3: envelope.digestSm3,
    algorithm: envelope.algorithm,
    signatureHex: envelope.signature,
    publicKeyFingerprint: publicKeyFingerprint(signer.publicKeyPem, envelope.algorithm),
    verificationCode,
    verifyUrl: verifyUrl(deps.publicUrl, verificationCode),
  });
  const sha256 = await deps.storage.put(pdf);
  const attachment: Attachment = {
    name: `${input.title}-${input.caseNumber}.pdf`,
    mime: 'application/pdf',
    size: pdf.length,
    sha256,
    sm3: sm3Hex(pdf),
    role: 'court-document',
  };
  return {
    kind: input.kind,
    documentId: input.documentId,
    caseNumber: input.caseNumber,
    verificationCode,
    attachment,
    async record(trx, row) {
      await trx
        .insertInto('court_documents')
        .values({
          id: input.documentId,
          case_id: row.caseId,
          kind: input.kind,
          case_number: input.caseNumber,
          verification_code: verificationCode,
          ...storedEnvelopeColumns(envelope, signer.publicKeyPem),
          pdf_sha256: sha256,
          pdf_sm3: attachment.sm3,
          pdf_size: pdf.length,
          issued_by_user_id: row.issuedByUserId,
          issued_at: row.issuedAt,
        })
        .execute();
    },
  };
}

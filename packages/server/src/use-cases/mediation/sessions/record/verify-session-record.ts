import { maskName } from '@sutiao/domain/masking.ts';
import { sm3Hex } from '../../../../adapters/crypto/sm3.ts';
import { keysValidAt, platformKeyRegistry } from '../../../../adapters/signing/key-registry.ts';
import { envelopeText } from '../../../../adapters/signing/signed-envelope.ts';
import { verifyEnvelope } from '../../../../adapters/signing/verify-envelope.ts';
import type { Deps } from '../../../../deps.ts';
import { normalizeVerificationCode } from '../../../../lib/verification-code.ts';
import { registeredSigningKeys } from '../../agreements/user-signing-key.ts';
import { type RecordContent, recordSealContent, storedRecordContent } from './record-content.ts';

export interface SessionRecordVerification {
  valid: boolean;
  checks: { content: boolean; signatures: boolean; seal: boolean; pdf: boolean };
  caseNumber: string | null;
  openedAt: string | null;
  endedAt: string | null;
  /** Names masked (张*三): the page is public. */
  signers: { name: string; role: string; side: string | null; signedAt: string; valid: boolean }[];
  digestSm3: string;
  sealedAt: string;
}

/**
 * Public check of a sealed session record by its code: the text against its digest, each participant's signature
 * against the key the platform registered for them, the platform's seal (its pinned keys) over the digest and the
 * signatures as stored, and the PDF against its hash. Null when no record has the code.
 */
export async function verifySessionRecord(
  deps: Deps,
  rawCode: string,
): Promise<SessionRecordVerification | null> {
  const code = normalizeVerificationCode(rawCode);
  if (!code) return null;
  const record = await deps.db
    .selectFrom('session_records')
    .selectAll()
    .where('verification_code', '=', code)
    .executeTakeFirst();
  if (!record?.content || !record.digest_sm3 || !record.sealed_at) return null;
  const signatures = await deps.db
    .selectFrom('session_record_signatures')
    .selectAll()
    .where('session_id', '=', record.session_id)
    .orderBy('signed_at')
    .execute();
  let content: RecordContent | null = null;
  try {
    content = storedRecordContent(record.content);
  } catch {
    content = null;
  }
  const contentIntact =
    content !== null &&
    envelopeText('session-record', content) === record.content &&
    sm3Hex(record.content) === record.digest_sm3;
  const keysOf = await registeredSigningKeys(deps.db, signatures);
  const signers = signatures.map((s) => {
    const check = verifyEnvelope(
      {
        kind: 'session-record',
        canonicalText: record.content ?? '',
        digestSm3: record.digest_sm3 ?? '',
        signature: s.signature,
        keyId: s.key_id,
        algorithm: s.algorithm === 'Ed25519' ? 'Ed25519' : 'SM2',
        verificationCode: null,
      },
      keysOf(s),
    );
    return {
      name: maskName(s.signer_name),
      role: s.role,
      side: s.side,
      signedAt: new Date(s.signed_at).toISOString(),
      valid: check.valid,
    };
  });
  const sealedAt = new Date(record.sealed_at);
  const expectedSeal = envelopeText(
    'session-record-seal',
    recordSealContent({ digestSm3: record.digest_sm3, sealedAt, signatures }),
    code,
  );
  const seal = verifyEnvelope(
    {
      kind: 'session-record-seal',
      canonicalText: record.seal_content ?? '',
      digestSm3: sm3Hex(record.seal_content ?? ''),
      signature: record.seal_signature ?? '',
      keyId: record.seal_key_id ?? '',
      algorithm: record.seal_algorithm === 'Ed25519' ? 'Ed25519' : 'SM2',
      verificationCode: code,
    },
    keysValidAt(platformKeyRegistry(deps.keys), sealedAt),
  );
  const pdf = record.pdf_sha256 ? await deps.storage.getBytes(record.pdf_sha256).catch(() => null) : null;
  const checks = {
    content: contentIntact,
    signatures: signers.length > 0 && signers.every((s) => s.valid),
    // The seal must cover exactly the digest and signatures stored now.
    seal: seal.valid && record.seal_content === expectedSeal,
    pdf: pdf !== null && sm3Hex(pdf) === record.pdf_sm3,
  };
  return {
    valid: checks.content && checks.signatures && checks.seal && checks.pdf,
    checks,
    caseNumber: content?.caseNumber ?? null,
    openedAt: content?.openedAt ?? null,
    endedAt: content?.endedAt ?? null,
    signers,
    digestSm3: record.digest_sm3,
    sealedAt: sealedAt.toISOString(),
  };
}

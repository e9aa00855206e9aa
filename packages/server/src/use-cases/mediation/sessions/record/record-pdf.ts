import type { Selectable } from 'kysely';
import { publicKeyFingerprint } from '../../../../adapters/crypto/fingerprint.ts';
import { sm3Hex } from '../../../../adapters/crypto/sm3.ts';
import type { SessionRecordsTable } from '../../../../adapters/db/sessions-schema.ts';
import { renderSessionRecordPdf } from '../../../../adapters/pdf/render-session-record-pdf.ts';
import type { Deps } from '../../../../deps.ts';
import { verifyUrl } from '../../../../lib/verification-code.ts';
import { PLATFORM_NAMES } from '../../../docking/platform-identity.ts';
import { type RecordSignatureRow, storedRecordContent } from './record-content.ts';

const ROLE_LABELS: Record<string, string> = {
  mediator: '调解员',
  party: '当事人',
  agent: '代理人',
  observer: '旁听法官',
};
const SIDE_LABELS: Record<string, string> = { investor: '申请人方', respondent: '被申请人方' };
const roleLabel = (role: string, side: string | null) =>
  side ? `${SIDE_LABELS[side] ?? side}${ROLE_LABELS[role] ?? role}` : (ROLE_LABELS[role] ?? role);

/** Draws a sealed record from its stored content, signatures and seal only: every drawing is the same bytes. */
export function drawSealedRecord(
  deps: Deps,
  record: Selectable<SessionRecordsTable>,
  signatures: readonly RecordSignatureRow[],
): Promise<Buffer> {
  const content = storedRecordContent(record.content ?? '{}');
  const code = record.verification_code ?? '';
  const algorithm = record.seal_algorithm === 'Ed25519' ? 'Ed25519' : 'SM2';
  return renderSessionRecordPdf({
    platformName: PLATFORM_NAMES[deps.platform].zh,
    caseNumber: content.caseNumber,
    openedAt: content.openedAt ? new Date(content.openedAt) : null,
    endedAt: content.endedAt ? new Date(content.endedAt) : null,
    participants: content.participants.map((p) => ({ name: p.name, roleLabel: roleLabel(p.role, p.side) })),
    text: content.text,
    recordDigestSm3: record.digest_sm3 ?? '',
    signatures: signatures.map((s) => ({
      name: s.signer_name,
      roleLabel: roleLabel(s.role, s.side),
      signedAt: new Date(s.signed_at),
      algorithm: s.algorithm,
      signatureHex: s.signature,
    })),
    sealedAt: new Date(record.sealed_at ?? 0),
    digestSm3: sealDigest(record),
    algorithm,
    signatureHex: record.seal_signature ?? '',
    publicKeyFingerprint: publicKeyFingerprint(record.seal_public_key_pem ?? '', algorithm),
    verificationCode: code,
    verifyUrl: verifyUrl(deps.publicUrl, code),
  });
}

/** SM3 of the seal's canonical text (what the platform signed). */
export const sealDigest = (record: Pick<Selectable<SessionRecordsTable>, 'seal_content'>) =>
  sm3Hex(record.seal_content ?? '');

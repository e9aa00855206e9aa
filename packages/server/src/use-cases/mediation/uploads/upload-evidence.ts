import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import { sm3Hex } from '../../../adapters/crypto/sm3.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';
import { newId } from '../../../lib/ids.ts';
import { cleanFileName } from '../../common/uploads/clean-file-name.ts';
import { detectFileType } from '../../common/uploads/detect-file-type.ts';

const MAX_UPLOAD_MB = INPUT_LIMITS.evidenceFileMb;
const MAX_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

export interface UploadResult {
  id: string;
  sha256: string;
  name: string;
  size: number;
  mime: string;
}

/** Stores an evidence file (PDF, PNG or JPEG by its bytes, ≤ 10 MB) and records who uploaded it. */
export async function uploadEvidence(
  deps: Deps,
  ctx: SignedInContext,
  input: { name: string; data: Uint8Array },
): Promise<UploadResult> {
  if (!isAuthorized(ctx.actor, 'evidence.upload')) throw appError('FORBIDDEN');
  if (input.data.length > MAX_BYTES) throw appError('UPLOAD_TOO_LARGE', { maxMb: MAX_UPLOAD_MB });
  if (input.data.length === 0) {
    throw appError('VALIDATION_FAILED', { reason: { zh: '文件为空', en: 'the file is empty' } });
  }
  const mime = detectFileType(input.data);
  if (!mime) throw appError('UPLOAD_TYPE_NOT_ALLOWED');
  // The bytes first: a row must never point at a missing file (an orphan file is harmless and deduplicated).
  const sha256 = await deps.storage.put(input.data);
  const upload = {
    id: newId(),
    sha256,
    sm3: sm3Hex(input.data),
    name: cleanFileName(input.name),
    size: input.data.length,
    mime,
    owner_user_id: ctx.actor.userId,
  };
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('uploads')
      .values({ ...upload, created_at: now })
      .execute();
    await appendAudit(
      trx,
      {
        requestId: ctx.requestId,
        actorUserId: ctx.actor.userId,
        actorRole: ctx.actorRole ?? null,
        action: 'upload.create',
        targetType: 'upload',
        targetId: upload.id,
        outcome: 'success',
        details: { sha256, sm3: upload.sm3, size: upload.size, mime },
      },
      now,
    );
  });
  return { id: upload.id, sha256, name: upload.name, size: upload.size, mime };
}

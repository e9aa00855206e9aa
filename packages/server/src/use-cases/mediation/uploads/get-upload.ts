import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { readableCasesFilter } from '../cases/case-access.ts';

/**
 * An upload its owner may fetch, or anyone who can see a case it is evidence in; otherwise NOT_FOUND. The stream
 * checks the bytes against their hash as they are sent.
 */
export async function getUpload(deps: Deps, ctx: SignedInContext, uploadId: string) {
  const notFound = () => appError('NOT_FOUND', { entity: { zh: '文件', en: 'File' } });
  const upload = await deps.db
    .selectFrom('uploads')
    .selectAll()
    .where('id', '=', uploadId)
    .executeTakeFirst();
  if (!upload) throw notFound();
  if (upload.owner_user_id !== ctx.actor.userId) {
    // The same rule as the case lists (readableCasesFilter), in the database: one indexed query.
    const visible = await deps.db
      .selectFrom('case_evidence')
      .select('case_evidence.case_id')
      .where('case_evidence.upload_id', '=', uploadId)
      .where('case_evidence.case_id', 'in', (eb) =>
        eb.selectFrom('cases').select('cases.id').where(readableCasesFilter(ctx.actor)),
      )
      .limit(1)
      .executeTakeFirst();
    if (!visible) throw notFound();
  }
  const stream = await deps.storage.getStream(upload.sha256);
  if (!stream) throw appError('SERVICE_UNAVAILABLE'); // storage lost the file: an operator must restore it
  return { name: upload.name, mime: upload.mime, size: upload.size, sha256: upload.sha256, stream };
}

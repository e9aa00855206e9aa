import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { fetchPeerAttachment } from '../../docking/fetch-peer-attachment.ts';

/**
 * The court's ruling (民事裁定书) on an application, for anyone who may read the case: fetched once from the court
 * by the hash its signed message gave (and checked against both hashes), then served from this platform's store.
 */
export async function getRulingPdf(
  deps: Deps,
  ctx: SignedInContext,
  input: { applicationId: string },
): Promise<{ bytes: Buffer; fileName: string }> {
  const row = await deps.db
    .selectFrom('confirmation_applications')
    .select(['id', 'ruling_document'])
    .where('id', '=', input.applicationId)
    .executeTakeFirst();
  if (!row?.ruling_document) throw appError('NOT_FOUND', { entity: { zh: '裁定书', en: 'Ruling' } });
  const { bytes, attachment } = await fetchPeerAttachment(deps, ctx, {
    caseRef: row.id,
    sha256: row.ruling_document.sha256,
  });
  return { bytes, fileName: attachment.name };
}

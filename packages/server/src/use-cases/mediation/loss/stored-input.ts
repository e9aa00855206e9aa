import type { LossFileKind } from '../../../adapters/db/loss-schema.ts';
import { getIntact } from '../../../adapters/storage/get-intact.ts';
import type { Deps } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { uploadText } from './parse-upload.ts';

/** The current file of a kind as CSV text with its name, or null when none was uploaded. */
export async function loadInputText(
  deps: Deps,
  assessmentId: string,
  kind: Exclude<LossFileKind, 'investors'>,
): Promise<{ name: string; text: string } | null> {
  const file = await deps.db
    .selectFrom('loss_assessment_files')
    .select(['name', 'sha256'])
    .where('assessment_id', '=', assessmentId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (!file) return null;
  const bytes = await getIntact(deps.storage, file.sha256);
  if (!bytes) throw appError('SERVICE_UNAVAILABLE'); // storage lost or damaged the file: an operator must restore it
  const text = await uploadText(bytes, file.name);
  if (typeof text !== 'string') throw appError('INTERNAL'); // it parsed when uploaded
  return { name: file.name, text };
}

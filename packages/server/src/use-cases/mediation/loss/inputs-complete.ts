import { validateParams } from '@sutiao/loss-engine';
import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';

/** Kinds an assessment cannot run without; market data and corporate actions are optional (LOSS-SPEC §1). */
const REQUIRED_FILES = ['trades', 'investors'] as const;

/** True when the parameters validate and the required files are present (inside the caller's transaction). */
export async function inputsComplete(
  trx: Kysely<DB>,
  assessmentId: string,
  params: unknown,
): Promise<boolean> {
  if (!validateParams(params).ok) return false;
  const files = await trx
    .selectFrom('loss_assessment_files')
    .select('kind')
    .where('assessment_id', '=', assessmentId)
    .execute();
  const kinds = new Set(files.map((f) => f.kind));
  return REQUIRED_FILES.every((k) => kinds.has(k));
}

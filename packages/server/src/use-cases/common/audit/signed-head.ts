import type { Kysely } from 'kysely';
import { treeHead } from '../../../adapters/audit/stored-tree.ts';
import type { SignedTreeHead } from '../../../adapters/audit/tree-head.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import { appError } from '@sutiao/domain/errors.ts';

/** The signed head of that size, or the latest; NOT_FOUND when there is none. */
export async function signedHeadOrThrow(db: Kysely<DB>, treeSize?: number): Promise<SignedTreeHead> {
  const head = await treeHead(db, treeSize);
  if (!head) throw appError('NOT_FOUND', { entity: { zh: '签名树头', en: 'Signed tree head' } });
  return head;
}

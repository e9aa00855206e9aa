import type { Kysely, Updateable } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';

/** What the kernel reads of a lifecycle's row, whatever else the binding loads with it. */
export interface LifecycleRow {
  id: string;
  status: string;
  version: number;
}

/** Tables a lifecycle can live in: an id, a status, a version and an update time. */
export type LifecycleTableName = {
  [T in keyof DB]: DB[T] extends { id: string; status: string; version: unknown; updated_at: unknown }
    ? T
    : never;
}[keyof DB];

interface VersionedTable {
  id: string;
  status: string;
  version: number;
  updated_at: Date;
}

/**
 * Moves the row only if it still has the status and version it was read with: a conditional update, so two
 * concurrent transitions from the same version can't both proceed. Answers the updated row, or undefined.
 */
export async function compareAndSet(
  trx: Kysely<DB>,
  table: LifecycleTableName,
  from: LifecycleRow,
  set: Record<string, unknown>,
): Promise<Record<string, unknown> | undefined> {
  // Kysely cannot type columns of a table chosen at run time; every lifecycle table has this shape.
  const db = trx as unknown as Kysely<Record<string, VersionedTable>>;
  return db
    .updateTable(table)
    .set(set as Updateable<VersionedTable>)
    .where('id', '=', from.id)
    .where('status', '=', from.status)
    .where('version', '=', from.version)
    .returningAll()
    .executeTakeFirst();
}

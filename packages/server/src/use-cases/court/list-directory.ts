import type { Deps, SignedInContext } from '../../deps.ts';
import { requirePermission } from '../common/require-permission.ts';
import { type DirectoryEntry, directoryEntries } from './court-directory.ts';

/** The mediation organizations, workstations and public mediators a court may delegate or entrust to. */
export async function listDirectory(deps: Deps, ctx: SignedInContext): Promise<{ items: DirectoryEntry[] }> {
  requirePermission(ctx, 'court.workbench');
  return { items: await directoryEntries(deps.db) };
}

import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';

export interface Health {
  status: 'ok' | 'degraded';
  platform: Deps['platform'];
  database: Deps['engine'];
}

/** Liveness: the platform answers and its database does too (degraded when the database does not). */
export async function checkHealth(deps: Deps): Promise<Health> {
  const ok = await sql`select 1`.execute(deps.db).then(
    () => true,
    () => false,
  );
  return { status: ok ? 'ok' : 'degraded', platform: deps.platform, database: deps.engine };
}

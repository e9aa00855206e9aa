import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

const CLI = fileURLToPath(new URL('../src/platform/verify-audit-cli.ts', import.meta.url));

/** Waits (up to `maxMs`) until the server's audit.integrate job has put every committed record under a signed head. */
export async function waitForIntegration(client: pg.Client, maxMs = 30_000): Promise<number> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const { rows } = await client.query<{ pending: number }>(
      `select count(*)::int as pending from audit_log
       where seq > coalesce((select max(covered_seq) from audit_tree_heads), 0)`,
    );
    const pending = rows[0]?.pending ?? 0;
    if (pending === 0 || Date.now() > deadline) return pending;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** `npm run audit:verify` against the bench database, with the bench server's key: its output and exit code. */
export function runAuditVerify(
  databaseUrl: string,
  dataDir: string,
): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CLI, '--data-dir', dataDir], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}`.trim() };
}

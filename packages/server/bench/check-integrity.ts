import { trustedKeyOf } from '../src/adapters/signing/trusted-key.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { verifyAuditLog } from '../src/adapters/audit/verify-audit-log.ts';
import { signerFromPem } from '../src/adapters/crypto/signer.ts';
import { openPostgres } from '../src/adapters/db/database.ts';

export interface Integrity {
  sequences: number;
  /** (organization, year) pairs whose numbers are not exactly 1..last, each once. */
  gaps: { org: string; year: number; last: number; count: number; max: number }[];
  audit: Awaited<ReturnType<typeof verifyAuditLog>>;
}

/** Every sequence's numbers are exactly 1..last (unique by constraint), and the audit log verifies end to end. */
export async function checkIntegrity(
  client: pg.Client,
  databaseUrl: string,
  dataDir: string,
): Promise<Integrity> {
  const { rows } = await client.query<{
    org: string;
    year: number;
    last: number;
    count: number;
    max: number;
  }>(
    `with issued as (
       select substring(case_number from '^\\((\\d{4})\\)')::int as year,
              substring(case_number from '^\\(\\d{4}\\)(.+)字第') as prefix,
              substring(case_number from '第(\\d+)号')::int as seq
       from cases where case_number is not null)
     select q.organization_id as org, q.year, q.last, count(i.seq)::int as count, coalesce(max(i.seq), 0) as max
     from case_number_sequences q
     join organizations o on o.id = q.organization_id
     left join issued i on i.prefix = o.code and i.year = q.year
     group by 1, 2, 3`,
  );
  const { rows: orphans } = await client.query<{ n: number }>(
    `select count(*)::int as n from cases c where c.case_number is not null and not exists (
       select 1 from case_number_sequences q join organizations o on o.id = q.organization_id
       where c.case_number like '(' || q.year || ')' || o.code || '字第%')`,
  );
  const gaps = rows.filter((r) => r.count !== r.last || r.max !== r.last);
  if ((orphans[0]?.n ?? 0) > 0)
    gaps.push({ org: 'unsequenced', year: 0, last: 0, count: orphans[0]!.n, max: 0 });
  const database = openPostgres(databaseUrl, 2);
  try {
    // The bench server's own key (created in its data directory): heads must be signed by it.
    const keyFile = join(dataDir, 'keys', 'signing-key.pem');
    const trusted = existsSync(keyFile)
      ? trustedKeyOf(signerFromPem(readFileSync(keyFile, 'utf8')))
      : undefined;
    return { sequences: rows.length, gaps, audit: await verifyAuditLog(database.db, trusted) };
  } finally {
    await database.close();
  }
}

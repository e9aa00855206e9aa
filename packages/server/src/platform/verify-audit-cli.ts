import { createPublicKey } from 'node:crypto';
import { type TrustedKey, trustedKey, trustedKeyOf } from '../adapters/signing/trusted-key.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { signerFromPem } from '../adapters/crypto/signer.ts';
import { verifyAuditLog } from '../adapters/audit/verify-audit-log.ts';
import { openDatabase } from '../adapters/db/database.ts';

/**
 * `npm run audit:verify -- --platform mediation` checks a platform's whole audit trail (every record's hash, the
 * Merkle log, every signed tree head, consistency between heads) and names the first bad record. Uses DATABASE_URL
 * when set; otherwise the embedded database under --data-dir (stop that platform first: an embedded database has
 * one user at a time). Heads are checked against the platform's key: --public-key FILE, else SUTIAO_SIGNING_KEY_PEM,
 * else <data-dir>/keys/signing-key.pem. Exit 0 intact, 1 broken, 2 bad arguments.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      platform: { type: 'string' },
      'data-dir': { type: 'string' },
      'public-key': { type: 'string' },
    },
    strict: true,
  });
  if (values.platform !== 'court' && values.platform !== 'mediation' && !values['data-dir']) {
    console.error('usage: audit:verify --platform court|mediation [--data-dir DIR] [--public-key FILE]');
    process.exit(2);
  }
  const dataDir = values['data-dir'] ?? `data/${values.platform}`;
  const trusted = platformKey(values['public-key'], dataDir);
  if (!trusted)
    console.log('no platform key found: tree heads are checked against the key stored beside them');
  const database = await openDatabase(
    process.env.DATABASE_URL
      ? { databaseUrl: process.env.DATABASE_URL }
      : { dataDir: join(dataDir, 'pgdata') },
  );
  try {
    const verdict = await verifyAuditLog(database.db, trusted);
    if (verdict.ok) {
      console.log(
        `audit log intact: ${verdict.records} records (${verdict.integrated} in the log, ${verdict.pending} not yet integrated), ${verdict.heads} signed tree heads, root ${verdict.rootHash}`,
      );
    } else {
      const at = [
        verdict.brokenSeq === undefined ? null : `record seq=${verdict.brokenSeq}`,
        verdict.brokenLogIndex === undefined ? null : `log index ${verdict.brokenLogIndex}`,
      ].filter(Boolean);
      console.log(`audit log BROKEN at ${at.join(', ') || 'the log'} (${verdict.reason}): ${verdict.detail}`);
      process.exitCode = 1;
    }
  } finally {
    await database.close();
  }
}

function platformKey(file: string | undefined, dataDir: string): TrustedKey | undefined {
  if (file) {
    const pem = readFileSync(file, 'utf8');
    if (pem.includes('PRIVATE KEY')) return trustedKeyOf(signerFromPem(pem));
    return trustedKey(pem, createPublicKey(pem).asymmetricKeyType === 'ed25519' ? 'Ed25519' : 'SM2');
  }
  const privatePem =
    process.env.SUTIAO_SIGNING_KEY_PEM ??
    (existsSync(join(dataDir, 'keys', 'signing-key.pem'))
      ? readFileSync(join(dataDir, 'keys', 'signing-key.pem'), 'utf8')
      : undefined);
  return privatePem ? trustedKeyOf(signerFromPem(privatePem)) : undefined;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});

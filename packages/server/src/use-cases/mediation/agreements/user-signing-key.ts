import type { Kysely } from 'kysely';
import { generateSigner, type Signer, signerFromPem } from '../../../adapters/crypto/signer.ts';
import { decryptField, encryptField } from '../../../adapters/crypto/sm4.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import { type TrustedKey, trustedKey } from '../../../adapters/signing/trusted-key.ts';
import type { Deps } from '../../../deps.ts';
import type { SignatureRow } from './agreement-content.ts';

/** The SM4 context bound into each encrypted private key, so the value can't be moved to another column. */
const USER_KEY_CONTEXT = 'user_signing_keys.private_key';

/**
 * The user's platform-custodied SM2 key, created on their first signature inside the caller's transaction.
 * `on conflict do nothing` then re-read, so two first signatures at once end up with one key.
 */
export async function userSigner(deps: Deps, trx: Kysely<DB>, userId: string): Promise<Signer> {
  const existing = await findKey(trx, userId);
  if (existing) return unseal(deps, existing.private_key_enc);
  const signer = generateSigner('SM2');
  await trx
    .insertInto('user_signing_keys')
    .values({
      user_id: userId,
      algorithm: signer.algorithm,
      key_id: signer.keyId,
      public_key_pem: signer.publicKeyPem,
      private_key_enc: encryptField(
        deps.keys.dataKeys.current,
        signer.exportPrivateKeyPem(),
        USER_KEY_CONTEXT,
      ),
      created_at: deps.now(),
    })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  const stored = await findKey(trx, userId);
  if (!stored) throw new Error('user signing key vanished');
  return unseal(deps, stored.private_key_enc);
}

function findKey(trx: Kysely<DB>, userId: string) {
  return trx
    .selectFrom('user_signing_keys')
    .select(['private_key_enc'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

function unseal(deps: Deps, privateKeyEnc: string): Signer {
  return signerFromPem(decryptField(deps.keys.dataKeys, privateKeyEnc, USER_KEY_CONTEXT));
}

/**
 * The key the platform registered for each signer (user_signing_keys), trusted for signatures made since it was
 * created. A signature is checked against this, not against the public key copied into its own row.
 */
export async function registeredSigningKeys(
  db: Kysely<DB>,
  signatures: readonly Pick<SignatureRow, 'user_id' | 'signed_at'>[],
): Promise<(s: Pick<SignatureRow, 'user_id' | 'signed_at'>) => TrustedKey[]> {
  const userIds = [...new Set(signatures.map((s) => s.user_id))];
  const rows = userIds.length
    ? await db
        .selectFrom('user_signing_keys')
        .select(['user_id', 'algorithm', 'public_key_pem', 'created_at'])
        .where('user_id', 'in', userIds)
        .execute()
    : [];
  const byUser = new Map(rows.map((r) => [r.user_id, r]));
  return (s) => {
    const row = byUser.get(s.user_id);
    if (!row || new Date(s.signed_at).getTime() < new Date(row.created_at).getTime()) return [];
    return [trustedKey(row.public_key_pem, row.algorithm)];
  };
}

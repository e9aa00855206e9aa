import { appendAudit } from '../../adapters/audit/audit-log.ts';
import { publicKeyFingerprint } from '../../adapters/crypto/fingerprint.ts';
import type { Deps, SignedInContext } from '../../deps.ts';
import type { SignatureAlgorithm } from '@sutiao/domain/docking/envelope.ts';
import { appError } from '@sutiao/domain/errors.ts';
import type { Platform } from '@sutiao/domain/roles.ts';
import { requirePermission } from '../common/require-permission.ts';
import { forgetPeers } from './peer-directory.ts';

export interface PeerKeyInput {
  publicKeyPem: string;
  algorithm: SignatureAlgorithm;
  /** ISO time; default now. */
  validFrom?: string | undefined;
  validUntil?: string | null | undefined;
}

export interface RegisterPeerInput {
  id: string;
  platform: Platform;
  name: string;
  baseUrl: string;
  keys: PeerKeyInput[];
}

const invalid = (zh: string, en: string) => appError('VALIDATION_FAILED', { reason: { zh, en } });

/** The key id is the key's own fingerprint, so a key cannot be registered under another key's name. */
export function peerKeyRow(peerId: string, key: PeerKeyInput, now: Date) {
  let keyId: string;
  try {
    keyId = publicKeyFingerprint(key.publicKeyPem, key.algorithm);
  } catch {
    throw invalid('公钥格式错误（需 PEM 格式的 SubjectPublicKeyInfo）', 'the public key is not an SPKI PEM');
  }
  const validFrom = key.validFrom ? new Date(key.validFrom) : now;
  const validUntil = key.validUntil ? new Date(key.validUntil) : null;
  if (Number.isNaN(validFrom.getTime()) || (validUntil && Number.isNaN(validUntil.getTime()))) {
    throw invalid('有效期时间格式错误', 'validity times must be ISO times');
  }
  if (validUntil && validUntil <= validFrom)
    throw invalid('有效期截止须晚于起始', 'validUntil must follow validFrom');
  return {
    peer_id: peerId,
    key_id: keyId,
    algorithm: key.algorithm,
    public_key_pem: key.publicKeyPem.trim(),
    valid_from: validFrom,
    valid_until: validUntil,
  };
}

function checkBaseUrl(baseUrl: string): void {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw invalid('对接地址格式错误', 'the base URL is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw invalid('对接地址须为 http(s)', 'http(s) only');
}

/**
 * The system administrator registers (or updates) the other platform: its platform id, base URL and public keys.
 * Keys are added, never replaced: rotating means adding the new key and giving the old one an end (retire-peer-key).
 */
export async function registerPeer(deps: Deps, ctx: SignedInContext, input: RegisterPeerInput) {
  requirePermission(ctx, 'system.configure');
  if (input.platform === deps.platform) {
    throw invalid('对接平台须为另一类平台', `a ${deps.platform} platform docks with the other kind`);
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,62}$/.test(input.id)) {
    throw invalid(
      '平台标识须为小写字母、数字、点或连字符',
      'a platform id is lowercase letters, digits, dots, hyphens',
    );
  }
  if (input.id === deps.docking.platformId)
    throw invalid('不能登记本平台自身', 'cannot register this platform itself');
  return storePeer(deps, ctx, input);
}

/**
 * Writes a peer and its keys, audited, after the caller's checks: the administrator's registration above, or
 * `npm start` wiring its two demo platforms to each other (platform/demo-peer.ts).
 */
export async function storePeer(
  deps: Deps,
  ctx: { requestId: string; actor: { userId: string } | null; actorRole?: string | null },
  input: RegisterPeerInput,
) {
  checkBaseUrl(input.baseUrl);
  if (input.keys.length === 0) throw invalid('至少需要一个公钥', 'at least one public key');
  const now = deps.now();
  const keyRows = input.keys.map((k) => peerKeyRow(input.id, k, now));
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('docking_peers')
      .values({ id: input.id, platform: input.platform, name: input.name, base_url: input.baseUrl })
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet({ name: input.name, base_url: input.baseUrl, active: true, updated_at: now }),
      )
      .execute();
    await trx
      .insertInto('docking_peer_keys')
      .values(keyRows)
      .onConflict((oc) => oc.columns(['peer_id', 'key_id']).doNothing())
      .execute();
    await appendAudit(
      trx,
      {
        requestId: ctx.requestId,
        actorUserId: ctx.actor?.userId ?? null,
        actorRole: ctx.actorRole ?? null,
        action: 'docking.peer.register',
        targetType: 'docking_peer',
        targetId: input.id,
        outcome: 'success',
        details: { baseUrl: input.baseUrl, platform: input.platform, keyIds: keyRows.map((k) => k.key_id) },
      },
      now,
    );
  });
  forgetPeers(deps.db);
  return { id: input.id, keyIds: keyRows.map((k) => k.key_id) };
}

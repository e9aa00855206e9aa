import { createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { signerFromPem } from '../adapters/crypto/signer.ts';
import type { Deps, SignedInContext } from '../deps.ts';
import { newId } from '../lib/ids.ts';
import { listPeers } from '../use-cases/docking/list-peers.ts';
import { registerPeer } from '../use-cases/docking/register-peer.ts';
import { retirePeerKey } from '../use-cases/docking/retire-peer-key.ts';
import type { SignatureAlgorithm } from '@sutiao/domain/docking/envelope.ts';
import { isAppError } from '@sutiao/domain/errors.ts';
import type { Platform } from '@sutiao/domain/roles.ts';
import { composePlatform } from './compose.ts';
import { type PlatformConfig, readConfig } from './config.ts';

const USAGE = `usage: npm run docking:peer -- <command> [options]
  identity --platform court|mediation [--data-dir DIR]
      this platform's id, key id (fingerprint) and public key, to give to the other platform's administrator
  list --platform court|mediation [--data-dir DIR]
      the registered peers, their link health and keys
  add --id PEER_ID --platform court|mediation --name NAME --url BASE_URL --key-file PEM_FILE
      [--algorithm SM2|Ed25519] [--valid-from ISO_TIME] [--valid-until ISO_TIME] [--data-dir DIR]
      registers the peer, or adds a key to it; --platform is the peer's kind (this platform is the other kind)
  retire --id PEER_ID --key-id KEY_ID [--at ISO_TIME] --platform court|mediation [--data-dir DIR]
      ends a peer key's validity (rotation: add the new key first, then retire the old one)
The database is DATABASE_URL when set, else the embedded one under --data-dir (default data/<platform>; stop that
platform first: an embedded database has one user at a time). Exit 0 done, 1 refused, 2 bad arguments.`;

class UsageError extends Error {}

const OPTIONS = {
  platform: { type: 'string' },
  'data-dir': { type: 'string' },
  id: { type: 'string' },
  name: { type: 'string' },
  url: { type: 'string' },
  'key-file': { type: 'string' },
  algorithm: { type: 'string' },
  'valid-from': { type: 'string' },
  'valid-until': { type: 'string' },
  'key-id': { type: 'string' },
  at: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

const other = (platform: Platform): Platform => (platform === 'court' ? 'mediation' : 'court');

function platformOf(value: string | undefined): Platform {
  if (value !== 'court' && value !== 'mediation')
    throw new UsageError('--platform must be court or mediation');
  return value;
}

function need(values: Values, name: keyof Values): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

/** This platform's settings, read as the server reads them (SUTIAO_PLATFORM_ID, DATABASE_URL, the data folder). */
function configOf(platform: Platform, dataDir: string | undefined): PlatformConfig {
  return readConfig(['--platform', platform, ...(dataDir ? ['--data-dir', dataDir] : [])], process.env);
}

/** The CLI acts as a system administrator it names explicitly; its audit records say 'cli'. */
function cliContext(platform: Platform): SignedInContext {
  return {
    requestId: newId(),
    actor: { userId: 'cli', roles: ['sys_admin'], organizationId: null, platform },
    actorRole: 'cli',
  };
}

/** Opens an existing platform's database only: a mistyped --data-dir must not quietly create a new platform. */
async function withPlatform<T>(config: PlatformConfig, work: (deps: Deps) => Promise<T>): Promise<T> {
  if (!config.databaseUrl && !existsSync(join(config.dataDir, 'pgdata'))) {
    throw new UsageError(
      `no database at ${join(config.dataDir, 'pgdata')}: start the platform once, or set DATABASE_URL`,
    );
  }
  const { deps, database } = await composePlatform(config);
  try {
    return await work(deps);
  } finally {
    await database.close();
  }
}

function identity(config: PlatformConfig): void {
  const file = join(config.dataDir, 'keys', 'signing-key.pem');
  const pem = process.env.SUTIAO_SIGNING_KEY_PEM || (existsSync(file) ? readFileSync(file, 'utf8') : null);
  if (!pem) throw new UsageError(`no signing key: neither SUTIAO_SIGNING_KEY_PEM nor ${file}`);
  const signer = signerFromPem(pem);
  console.log(`platform id: ${config.platformId}`);
  console.log(`platform:    ${config.platform}`);
  console.log(`key id:      ${signer.keyId}`);
  console.log(`algorithm:   ${signer.algorithm}`);
  console.log(signer.publicKeyPem.trim());
}

function keyState(key: { current: boolean; validFrom: string }, now: Date): string {
  if (key.current) return 'current';
  return new Date(key.validFrom) > now ? 'not yet valid' : 'retired';
}

async function list(config: PlatformConfig): Promise<void> {
  const answer = await withPlatform(config, (deps) => listPeers(deps, cliContext(config.platform)));
  const now = new Date();
  console.log(`peers of ${answer.platformId}: ${answer.items.length}`);
  for (const peer of answer.items) {
    console.log(
      `${peer.id}  ${peer.platform}  ${peer.name}  ${peer.baseUrl}  ${peer.active ? 'active' : 'inactive'}  ` +
        `pending ${peer.pending}  delivered ${peer.delivered}  failed ${peer.failed}  ` +
        `last delivery ${peer.lastDeliveredAt ?? 'none'}`,
    );
    for (const key of peer.keys) {
      console.log(
        `  key ${key.keyId}  ${key.algorithm}  ${key.validFrom} → ${key.validUntil ?? 'no end'}  ${keyState(key, now)}`,
      );
    }
  }
}

/** The key file's algorithm when --algorithm is not given (an unreadable file is left to registerPeer to refuse). */
function algorithmOf(pem: string, given: string | undefined): SignatureAlgorithm {
  if (given !== undefined) {
    if (given !== 'SM2' && given !== 'Ed25519') throw new UsageError('--algorithm must be SM2 or Ed25519');
    return given;
  }
  try {
    return createPublicKey(pem).asymmetricKeyType === 'ed25519' ? 'Ed25519' : 'SM2';
  } catch {
    return 'SM2';
  }
}

async function add(values: Values): Promise<void> {
  const peerPlatform = platformOf(values.platform);
  const config = configOf(other(peerPlatform), values['data-dir']);
  const keyFile = need(values, 'key-file');
  if (!existsSync(keyFile)) throw new UsageError(`no such key file: ${keyFile}`);
  const publicKeyPem = readFileSync(keyFile, 'utf8');
  const input = {
    id: need(values, 'id'),
    platform: peerPlatform,
    name: need(values, 'name'),
    baseUrl: need(values, 'url'),
    keys: [
      {
        publicKeyPem,
        algorithm: algorithmOf(publicKeyPem, values.algorithm),
        validFrom: values['valid-from'],
        validUntil: values['valid-until'],
      },
    ],
  };
  const answer = await withPlatform(config, (deps) => registerPeer(deps, cliContext(config.platform), input));
  console.log(`registered peer ${answer.id} on ${config.platformId}; key id ${answer.keyIds.join(', ')}`);
}

async function retire(values: Values): Promise<void> {
  const config = configOf(platformOf(values.platform), values['data-dir']);
  const peerId = need(values, 'id');
  const keyId = need(values, 'key-id');
  await withPlatform(config, (deps) =>
    retirePeerKey(deps, cliContext(config.platform), { peerId, keyId, at: values.at }),
  );
  console.log(`retired key ${keyId} of peer ${peerId}${values.at ? ` at ${values.at}` : ''}`);
}

async function main(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [command, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    if (command === 'identity') identity(configOf(platformOf(values.platform), values['data-dir']));
    else if (command === 'list') await list(configOf(platformOf(values.platform), values['data-dir']));
    else if (command === 'add') await add(values);
    else if (command === 'retire') await retire(values);
    else throw new UsageError(command ? `unknown command: ${command}` : 'a command is required');
    return 0;
  } catch (error) {
    if (isAppError(error)) {
      const { code, message } = error.toBody('en');
      console.error(`refused (${code}): ${message}`);
      return 1;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);

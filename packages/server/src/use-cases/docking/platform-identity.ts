import type { Deps } from '../../deps.ts';

export const PLATFORM_NAMES = {
  court: { zh: '人民法院调解平台', en: 'People’s Court Mediation Platform' },
  mediation: { zh: '中国投资者网在线调解平台', en: 'China Investor Network Online Mediation Platform' },
} as const;

/**
 * What a peer's administrator needs to register this platform: its platform id, kind, name, base URL and current
 * public key. Public: it is what both administrators compare (the key id is the key's fingerprint) before trusting.
 */
export function platformIdentity(deps: Deps) {
  const { signer } = deps.docking;
  return {
    platformId: deps.docking.platformId,
    platform: deps.platform,
    name: PLATFORM_NAMES[deps.platform].zh,
    nameEn: PLATFORM_NAMES[deps.platform].en,
    baseUrl: deps.publicUrl,
    keys: [{ keyId: signer.keyId, algorithm: signer.algorithm, publicKeyPem: deps.keys.signer.publicKeyPem }],
  };
}

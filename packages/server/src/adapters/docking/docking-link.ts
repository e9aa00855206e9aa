import type { Signer } from '../crypto/signer.ts';
import type { DockingLink, PeerClient } from '../../use-cases/docking/docking-link.ts';
import { dockingCrypto } from './docking-crypto.ts';
import { httpPeerClient } from './http-peer-client.ts';

/** This platform's side of the link: its platform id, its signing key, SM3/SM2 and an HTTP client to its peers. */
export function createDockingLink(options: {
  platformId: string;
  signer: Signer;
  client?: PeerClient;
}): DockingLink {
  return {
    platformId: options.platformId,
    signer: options.signer,
    crypto: dockingCrypto,
    client: options.client ?? httpPeerClient(),
  };
}

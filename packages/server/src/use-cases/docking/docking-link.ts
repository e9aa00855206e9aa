import type { DockingEnvelope } from '@sutiao/domain/docking/envelope.ts';
import type { DockingCrypto, DockingSigner } from '@sutiao/domain/docking/protocol.ts';

/** What a peer answered to one delivery: its HTTP status and the body (a signed receipt when all went well). */
export interface PeerAnswer {
  status: number;
  body: unknown;
}

/** The HTTP side of the link (`adapters/docking/http-peer-client.ts`); a test may put a faulty network in between. */
export interface PeerClient {
  deliver(baseUrl: string, envelope: DockingEnvelope): Promise<PeerAnswer>;
  /** Fetches an attachment the peer offered for a case; the request is signed with this platform's key. */
  fetchAttachment(
    baseUrl: string,
    request: SignedFetch,
  ): Promise<{ status: number; bytes: Uint8Array | null }>;
}

/** A signed request for one attachment: the peer checks the signature and that the file belongs to the case. */
export interface SignedFetch {
  senderId: string;
  caseRef: string;
  sha256: string;
  createdAt: string;
  keyId: string;
  algorithm: DockingSigner['algorithm'];
  signature: string;
}

/** This platform's side of the docking link. */
export interface DockingLink {
  /** This deployment's platform id, as its peers registered it (e.g. `court-spc`, `mediation-isc`). */
  platformId: string;
  signer: DockingSigner;
  crypto: DockingCrypto;
  client: PeerClient;
}

import { canonicalJson } from '../../lib/canonical-json.ts';
import type { SignedFetch } from './docking-link.ts';

/** The text a signed attachment request's signature covers: every field but the signature, canonical. */
export const attachmentRequestText = (request: Omit<SignedFetch, 'signature'>): string =>
  canonicalJson({
    senderId: request.senderId,
    caseRef: request.caseRef,
    sha256: request.sha256,
    createdAt: request.createdAt,
    keyId: request.keyId,
    algorithm: request.algorithm,
  });

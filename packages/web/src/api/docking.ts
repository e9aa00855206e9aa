import { request } from './client.ts';
import type { components, paths } from './generated/openapi.ts';
import type { JsonResponse } from './types.ts';

/** The docking link as the system administrator sees it; shapes from the generated API types. */
export type PlatformIdentity = components['schemas']['DockingPlatformIdentity'];
export type Peers = components['schemas']['DockingPeers'];
export type Peer = Peers['items'][number];
export type PeerKey = Peer['keys'][number];
export type LinkProblems = components['schemas']['DockingLinkProblems'];
export type DeadLetter = LinkProblems['deadLetters'][number];
export type RefusedMessage = LinkProblems['refused'][number];
export type Divergence = LinkProblems['divergences'][number];
export type RegisterPeerInput = NonNullable<
  paths['/api/docking/peers']['post']['requestBody']
>['content']['application/json'];
export type RegisteredPeer = JsonResponse<'/api/docking/peers', 'post'>;

const enc = encodeURIComponent;

export const getIdentity = () => request<PlatformIdentity>('/api/docking/identity');

export const listPeers = () => request<Peers>('/api/docking/peers');

/** Silent: the page puts the server's refusal beside the field it is about. */
export const registerPeer = (input: RegisterPeerInput) =>
  request<RegisteredPeer>('/api/docking/peers', { body: input, silent: true });

export const retirePeerKey = (peerId: string, keyId: string) =>
  request<void>(`/api/docking/peers/${enc(peerId)}/keys/${enc(keyId)}/retire`, { method: 'POST', body: {} });

export const listLinkProblems = () => request<LinkProblems>('/api/docking/problems');

export const retryDeadLetter = (messageId: string) =>
  request<void>(`/api/docking/dead-letters/${enc(messageId)}/retry`, { method: 'POST' });

export const resolveDivergence = (id: string, resolution: string) =>
  request<void>(`/api/docking/divergences/${enc(id)}/resolve`, {
    body: { resolution },
    silent: true,
  });
